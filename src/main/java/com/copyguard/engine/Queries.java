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
        ArrayNode arr = Json.array();
        e.decisions().query(fillId, subscriptionId, limit).forEach(d -> arr.add(LedgerViews.decision(d, true)));
        return Reply.unchanged(arr);
    }

    public static Reply riskActions(Engine e, String subscriptionId, int limit) {
        ArrayNode arr = Json.array();
        e.riskLog().query(subscriptionId, limit).forEach(r -> arr.add(LedgerViews.riskAction(r, true)));
        return Reply.unchanged(arr);
    }

    public static Reply health(Engine e) {
        ObjectNode n = Json.object();
        n.put("status", "UP");
        n.put("ruleSet", e.rules().get().version());
        return Reply.unchanged(n);
    }
}
