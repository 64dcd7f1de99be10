package com.copyguard.engine;

import com.copyguard.command.ApiException;
import com.copyguard.ledger.Account;
import com.copyguard.ledger.Expert;
import com.copyguard.ledger.Subscription;
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
        Expert x = e.ledger().expert(expertId);
        if (x == null) {
            throw ApiException.notFound("expert", expertId);
        }
        return Reply.unchanged(e.views().expert(x));
    }

    public static Reply subscription(Engine e, String id) {
        Subscription s = e.ledger().subscription(id);
        if (s == null) {
            throw ApiException.notFound("subscription", id);
        }
        return Reply.unchanged(e.views().subscription(s));
    }

    public static Reply account(Engine e, String id) {
        return Reply.unchanged(e.views().account(requireAccount(e, id)));
    }

    public static Reply transactions(Engine e, String id) {
        return Reply.unchanged(e.views().transactions(requireAccount(e, id)));
    }

    private static Account requireAccount(Engine e, String id) {
        Account a = e.ledger().account(id);
        if (a == null) {
            throw ApiException.notFound("account", id);
        }
        return a;
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
