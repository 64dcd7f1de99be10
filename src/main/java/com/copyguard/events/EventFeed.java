package com.copyguard.events;

import com.copyguard.core.command.Command;
import com.copyguard.core.command.ExpertFill;
import com.copyguard.core.model.SubscriptionStatus;
import com.copyguard.core.model.TransactionType;
import com.copyguard.core.engine.DecisionRecord;
import com.copyguard.core.engine.EngineEvents;
import com.copyguard.json.Json;
import com.copyguard.core.engine.DecisionView;
import com.copyguard.core.engine.RiskActionView;
import com.copyguard.json.ApiJson;
import com.copyguard.core.engine.Result;
import com.copyguard.core.engine.RiskActionRecord;
import com.copyguard.core.ledger.Account;
import com.copyguard.core.ledger.Ledger;
import com.copyguard.core.ledger.Subscription;
import com.copyguard.core.ledger.Transaction;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Turns what the single writer applies into live events, and publishes them only after the
 * journal commit that made them durable: events of an input are held while it is applied,
 * dropped if it is refused, kept for the batch if it changed state, and published in order when
 * the batch is committed (dropped if the commit fails). Runs on the writer thread; publishing only
 * hands finished events to the ring. Memory is bounded: a batch keeps at most the ring's capacity
 * of pending events (older ones only advance the id sequence).
 */
public final class EventFeed implements EngineEvents {
    private final EventRing ring;
    private final int capacity;
    private final ArrayDeque<LiveEvent.Pending> input = new ArrayDeque<>();
    private final ArrayDeque<LiveEvent.Pending> batch = new ArrayDeque<>();
    private long batchSkipped;
    private long inputSkipped;
    private volatile Ledger ledger;
    private long inputTime;

    public EventFeed(EventRing ring, int capacity) {
        this.ring = ring;
        this.capacity = capacity;
    }

    public EventRing ring() {
        return ring;
    }

    /** The ledger the engine runs on: read on the writer thread for the ids events carry. */
    public void attach(Ledger l) {
        ledger = l;
    }

    private void add(ArrayDeque<LiveEvent.Pending> q, LiveEvent.Pending p, boolean forInput) {
        if (q.size() == capacity) {
            q.removeFirst();
            if (forInput) {
                inputSkipped++;
            } else {
                batchSkipped++;
            }
        }
        q.addLast(p);
    }

    @Override
    public void inputDequeued(Command command, long queuedNanos) {
        input.clear();
        inputSkipped = 0;
        inputTime = command.eventTime() == null ? 0 : command.eventTime();
    }

    @Override
    public void inputApplied(Command command, Result reply, long nanos) {
        if (reply.changed()) {
            batchSkipped += inputSkipped;
            for (LiveEvent.Pending p : input) {
                add(batch, p, false);
            }
        }
        input.clear();
        inputSkipped = 0;
    }

    @Override
    public void inputRefused(Command command, String errorCode) {
        input.clear();
        inputSkipped = 0;
    }

    @Override
    public void batchCommitted(int size, long nanos) {
        if (!batch.isEmpty() || batchSkipped > 0) {
            ring.publish(new ArrayList<>(batch), batchSkipped);
        }
        batch.clear();
        batchSkipped = 0;
    }

    @Override
    public void commitFailed(String message) {
        batch.clear();
        batchSkipped = 0;
    }

    @Override
    public void fillDecided(ExpertFill fill, List<DecisionRecord> decisions, long nanos) {
        Ledger l = ledger;
        for (DecisionRecord d : decisions) {
            Subscription s = l == null ? null : l.subscription(d.subscriptionId());
            add(input, new LiveEvent.Pending(EventType.DECISION, s == null ? null : s.followerId(), d.expertId(),
                    Set.of(d.subscriptionId()), () -> (ObjectNode) ApiJson.tree(DecisionView.of(d))), true);
        }
    }

    @Override
    public void riskAction(RiskActionRecord r) {
        Ledger l = ledger;
        Subscription s = l == null ? null : l.subscription(r.subscriptionId());
        add(input, new LiveEvent.Pending(EventType.RISK_ACTION, s == null ? null : s.followerId(),
                s == null ? null : s.expertId(), Set.of(r.subscriptionId()), () -> (ObjectNode) ApiJson.tree(RiskActionView.of(r))), true);
    }

    @Override
    public void statusChanged(Subscription s, SubscriptionStatus previous) {
        String to = s.status().name();
        String reason = s.stopReason() == null ? null : s.stopReason().name();
        long time = inputTime;
        add(input, new LiveEvent.Pending(EventType.STATUS, s.followerId(), s.expertId(), Set.of(s.subscriptionId()),
                () -> {
                    ObjectNode n = Json.object();
                    n.put("subscriptionId", s.subscriptionId());
                    n.put("followerId", s.followerId());
                    n.put("expertId", s.expertId());
                    n.put("from", previous.name());
                    n.put("to", to);
                    if (reason != null) {
                        n.put("reason", reason);
                    }
                    n.put("time", time);
                    return n;
                }), true);
    }

    @Override
    public void transactionPosted(Account a, Transaction t) {
        EventType type = typeOf(t.type());
        if (type == null) {
            return;
        }
        Ledger l = ledger;
        String subscriptionId = t.subscriptionId();
        if (subscriptionId == null && a.subscriptionIds().size() == 1) {
            subscriptionId = a.subscriptionIds().iterator().next();
        }
        Subscription s = subscriptionId == null || l == null ? null : l.subscription(subscriptionId);
        // an account-wide movement on a pool concerns every subscription the pool funds
        Set<String> concerned = s != null ? Set.of(subscriptionId) : Set.copyOf(a.subscriptionIds());
        String expertId = s == null ? null : s.expertId();
        String sub = s == null ? null : s.subscriptionId();
        add(input, new LiveEvent.Pending(type, a.followerId(), expertId, concerned, () -> {
            ObjectNode n = Json.object();
            n.put("accountId", a.accountId());
            n.put("followerId", a.followerId());
            if (sub != null) {
                n.put("subscriptionId", sub);
            }
            if (expertId != null) {
                n.put("expertId", expertId);
            }
            n.put("transactionType", t.type().name());
            Json.dec(n, "amount", t.amount());
            n.put("time", t.time());
            if (t.ref() != null) {
                n.put("ref", t.ref());
            }
            return n;
        }), true);
    }

    private static EventType typeOf(TransactionType t) {
        return switch (t) {
            case FREEZE_DEDUCTION -> EventType.FREEZE;
            case FREEZE_REFUND -> EventType.FREEZE_REFUND;
            case PROFIT_SHARE -> EventType.SETTLEMENT;
            case DEPOSIT, WITHDRAWAL, TRANSFER_OUT -> EventType.FUNDS;
            default -> null;
        };
    }
}
