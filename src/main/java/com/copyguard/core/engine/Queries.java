package com.copyguard.core.engine;

import com.copyguard.core.model.Instrument;
import com.copyguard.core.model.Outcome;
import com.copyguard.core.model.ReasonCode;
import com.copyguard.core.model.TransactionType;
import com.copyguard.core.ledger.Transaction;
import com.copyguard.core.paging.Page;
import com.copyguard.core.paging.PageRequest;
import com.copyguard.core.paging.Pages.Positioned;
import com.copyguard.core.paging.Pages;
import com.copyguard.core.paging.TimeRange;
import java.util.Iterator;
import java.util.List;
import java.util.function.Predicate;

/** Read-only answers, run on the writer thread so they see a consistent state between inputs. */
public final class Queries {
    private Queries() {
    }

    /** A page of the instrument catalog, in symbol order. */
    public static Page<InstrumentView> instruments(Engine e, PageRequest page) {
        List<Instrument> all = List.copyOf(e.ledger().instruments());
        return Pages.walk(all, i -> true, page).map(e.views()::instrument);
    }

    public static ExpertView expert(Engine e, String expertId) {
        return e.views().expert(Lookup.expert(e.ledger(), expertId));
    }

    public static SubscriptionView subscription(Engine e, String id) {
        return e.views().subscription(Lookup.subscription(e.ledger(), id));
    }

    public static AccountView account(Engine e, String id) {
        return e.views().account(Lookup.account(e.ledger(), id));
    }

    /** A page of an account's movements, newest first, of one {@code type} (null = all) within {@code time}. */
    public static Page<TransactionView> transactions(Engine e, String id, TransactionType type, TimeRange time, PageRequest page) {
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
        return Pages.walk(newestFirst, Transaction::seq,
                t -> (type == null || t.type() == type) && time.contains(t.time()), page)
                .map(TransactionView::of);
    }

    /** The filters of {@code GET /decisions}; null = any ({@code fillId} is unique per expert only). */
    public record DecisionFilter(String expertId, String fillId, String subscriptionId, Outcome outcome,
                                 ReasonCode reason, TimeRange time) implements Predicate<DecisionRecord> {
        @Override
        public boolean test(DecisionRecord d) {
            return (expertId == null || expertId.equals(d.expertId())) && (fillId == null || fillId.equals(d.fillId()))
                    && (subscriptionId == null || subscriptionId.equals(d.subscriptionId()))
                    && (outcome == null || outcome == d.outcome()) && (reason == null || reason == d.reason())
                    && time.contains(d.time());
        }
    }

    /** A page of decisions; with {@code followerId}, only those on that follower's subscriptions. */
    public static Page<DecisionView> decisions(Engine e, DecisionFilter filter, PageRequest page, String followerId) {
        return positionedDecisions(e, filter, page, followerId).map(Positioned::value);
    }

    /** As {@link #decisions}, each with its position in the decision log (a cluster shard merges by it). */
    public static Page<Positioned<DecisionView>> positionedDecisions(Engine e, DecisionFilter filter, PageRequest page,
                                                                     String followerId) {
        return e.decisions().positionedPage(filter.expertId(), filter.fillId(), filter.subscriptionId(),
                        filter.and(d -> ownedBy(e, d.subscriptionId(), followerId)), page)
                .map(p -> new Positioned<>(p.position(), DecisionView.of(p.value())));
    }

    /**
     * The filters of {@code GET /risk-actions}; null = any. {@code cause} is the {@code ref} of the
     * input that caused the actions (a fill's id, an expert margin change's ref, {@code prices@time}).
     */
    public record RiskActionFilter(String subscriptionId, String cause, ReasonCode reason, TimeRange time)
            implements Predicate<RiskActionRecord> {
        @Override
        public boolean test(RiskActionRecord r) {
            return (subscriptionId == null || subscriptionId.equals(r.subscriptionId()))
                    && (cause == null || cause.equals(r.ref()))
                    && (reason == null || reason == r.reason()) && time.contains(r.time());
        }
    }

    /** A page of risk actions; with {@code followerId}, only those on that follower's subscriptions. */
    public static Page<RiskActionView> riskActions(Engine e, RiskActionFilter filter, PageRequest page,
                                                   String followerId) {
        return positionedRiskActions(e, filter, page, followerId).map(Positioned::value);
    }

    /** As {@link #riskActions}, each with its position in the risk log (a cluster shard merges by it). */
    public static Page<Positioned<RiskActionView>> positionedRiskActions(Engine e, RiskActionFilter filter,
                                                                         PageRequest page, String followerId) {
        return e.riskLog().positionedPage(filter.and(r -> ownedBy(e, r.subscriptionId(), followerId)), page)
                .map(p -> new Positioned<>(p.position(), RiskActionView.of(p.value())));
    }

    private static boolean ownedBy(Engine e, String subscriptionId, String followerId) {
        if (followerId == null) {
            return true;
        }
        com.copyguard.core.ledger.Subscription s = subscriptionId == null ? null : e.ledger().subscription(subscriptionId);
        return s != null && followerId.equals(s.followerId());
    }

    public static HealthView health(Engine e) {
        return new HealthView("UP", e.rules().get().version());
    }
}
