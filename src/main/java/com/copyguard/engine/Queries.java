package com.copyguard.engine;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/** Read-only answers, run on the writer thread so they see a consistent state between inputs. */
public final class Queries {
    private Queries() {
    }

    public static Reply instruments(Engine e) {
        return Reply.unchanged(e.views().instruments());
    }

    public static Reply expert(Engine e, String expertId) {
        return Reply.unchanged(e.views().expert(Lookup.expert(e.ledger(), expertId)));
    }

    public static Reply subscription(Engine e, String id) {
        return Reply.unchanged(e.views().subscription(Lookup.subscription(e.ledger(), id)));
    }

    public static Reply account(Engine e, String id) {
        return Reply.unchanged(e.views().account(Lookup.account(e.ledger(), id)));
    }

    public static Reply transactions(Engine e, String id) {
        return Reply.unchanged(e.views().transactions(Lookup.account(e.ledger(), id)));
    }

    public static Reply decisions(Engine e, String fillId, String subscriptionId, int limit) {
        return decisions(e, fillId, subscriptionId, limit, null);
    }

    /** Decisions; with {@code followerId}, only those on that follower's subscriptions. */
    public static Reply decisions(Engine e, String fillId, String subscriptionId, int limit, String followerId) {
        ArrayNode arr = Json.array();
        e.decisions().query(fillId, subscriptionId, limit, d -> ownedBy(e, d.subscriptionId(), followerId))
                .forEach(d -> arr.add(LedgerViews.decision(d, true)));
        return Reply.unchanged(arr);
    }

    public static Reply riskActions(Engine e, String subscriptionId, int limit) {
        return riskActions(e, subscriptionId, limit, null);
    }

    /** Risk actions; with {@code followerId}, only those on that follower's subscriptions. */
    public static Reply riskActions(Engine e, String subscriptionId, int limit, String followerId) {
        ArrayNode arr = Json.array();
        e.riskLog().query(subscriptionId, limit, r -> ownedBy(e, r.subscriptionId(), followerId))
                .forEach(r -> arr.add(LedgerViews.riskAction(r, true)));
        return Reply.unchanged(arr);
    }

    private static boolean ownedBy(Engine e, String subscriptionId, String followerId) {
        if (followerId == null) {
            return true;
        }
        com.copyguard.ledger.Subscription s = subscriptionId == null ? null : e.ledger().subscription(subscriptionId);
        return s != null && followerId.equals(s.followerId());
    }

    public static Reply health(Engine e) {
        ObjectNode n = Json.object();
        n.put("status", "UP");
        n.put("ruleSet", e.rules().get().version());
        return Reply.unchanged(n);
    }
}
