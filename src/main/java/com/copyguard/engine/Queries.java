package com.copyguard.engine;

import com.copyguard.domain.Instrument;
import com.copyguard.domain.Outcome;
import com.copyguard.domain.ReasonCode;
import com.copyguard.domain.TransactionType;
import com.copyguard.ledger.Transaction;
import com.copyguard.paging.PageRequest;
import com.copyguard.paging.Pages;
import com.copyguard.paging.TimeRange;
import java.util.Iterator;
import java.util.List;
import java.util.function.Predicate;
import com.fasterxml.jackson.databind.node.ObjectNode;

/** Read-only answers, run on the writer thread so they see a consistent state between inputs. */
public final class Queries {
    private Queries() {
    }

    /** A page of the instrument catalog, in symbol order. */
    public static Reply instruments(Engine e, PageRequest page) {
        List<Instrument> all = List.copyOf(e.ledger().instruments());
        return Reply.unchanged(Pages.walk(all, i -> true, page).toJson(e.views()::instrument));
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

    /** A page of an account's movements, newest first, of one {@code type} (null = all) within {@code time}. */
    public static Reply transactions(Engine e, String id, TransactionType type, TimeRange time, PageRequest page) {
        List<Transaction> all = Lookup.account(e.ledger(), id).transactions();
        Iterator<Transaction> newestFirst = new Iterator<>() {
            private int next = all.size() - 1;

            @Override
            public boolean hasNext() {
                return next >= 0;
            }

            @Override
            public Transaction next() {
                return all.get(next--);
            }
        };
        return Reply.unchanged(Pages.walk(newestFirst, Transaction::seq,
                t -> (type == null || t.type() == type) && time.contains(t.time()), page)
                .toJson(LedgerViews::transaction));
    }

    /** The filters of {@code GET /decisions}; null = any. */
    public record DecisionFilter(String fillId, String subscriptionId, Outcome outcome, ReasonCode reason,
                                 TimeRange time) implements Predicate<DecisionRecord> {
        @Override
        public boolean test(DecisionRecord d) {
            return (fillId == null || fillId.equals(d.fillId()))
                    && (subscriptionId == null || subscriptionId.equals(d.subscriptionId()))
                    && (outcome == null || outcome == d.outcome()) && (reason == null || reason == d.reason())
                    && time.contains(d.time());
        }
    }

    /** A page of decisions; with {@code followerId}, only those on that follower's subscriptions. */
    public static Reply decisions(Engine e, DecisionFilter filter, PageRequest page, String followerId) {
        return Reply.unchanged(e.decisions().page(filter.subscriptionId(),
                        filter.and(d -> ownedBy(e, d.subscriptionId(), followerId)), page)
                .toJson(d -> LedgerViews.decision(d, true)));
    }

    /** The filters of {@code GET /risk-actions}; null = any. */
    public record RiskActionFilter(String subscriptionId, ReasonCode reason, TimeRange time)
            implements Predicate<RiskActionRecord> {
        @Override
        public boolean test(RiskActionRecord r) {
            return (subscriptionId == null || subscriptionId.equals(r.subscriptionId()))
                    && (reason == null || reason == r.reason()) && time.contains(r.time());
        }
    }

    /** A page of risk actions; with {@code followerId}, only those on that follower's subscriptions. */
    public static Reply riskActions(Engine e, RiskActionFilter filter, PageRequest page, String followerId) {
        return Reply.unchanged(e.riskLog().page(filter.and(r -> ownedBy(e, r.subscriptionId(), followerId)), page)
                .toJson(r -> LedgerViews.riskAction(r, true)));
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
