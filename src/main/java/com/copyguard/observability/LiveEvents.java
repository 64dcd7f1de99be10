package com.copyguard.observability;

import com.copyguard.core.command.ActivateRules;
import com.copyguard.core.command.Command;
import com.copyguard.core.command.ExpertFill;
import com.copyguard.core.engine.DecisionRecord;
import com.copyguard.core.engine.EngineEvents;
import com.copyguard.core.engine.Result;
import com.copyguard.core.engine.RiskActionRecord;
import com.copyguard.core.model.SubscriptionStatus;
import com.copyguard.core.ledger.Account;
import com.copyguard.core.ledger.Subscription;
import com.copyguard.core.ledger.Transaction;
import java.math.BigDecimal;
import java.util.List;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Forwards engine events to every listener once the service is live. Recovery re-applies the
 * journal through the same engine, and those replayed inputs are history, not traffic: counting
 * or logging them again would double every figure at each restart, so events are dropped until
 * {@link #goLive()}.
 *
 * <p>It also shields the writer: a listener that throws is logged and skipped. Some events fire
 * inside {@code Engine.apply} after the ledger changed, where an exception would refuse an input
 * whose effects already happened.
 */
public final class LiveEvents implements EngineEvents {
    private static final Logger LOG = LoggerFactory.getLogger(LiveEvents.class);
    private final List<EngineEvents> listeners;
    private volatile boolean live;

    public LiveEvents(List<EngineEvents> listeners) {
        this.listeners = List.copyOf(listeners);
    }

    private void each(Consumer<EngineEvents> call) {
        for (EngineEvents l : listeners) {
            try {
                call.accept(l);
            } catch (RuntimeException e) {
                LOG.warn("event listener {} failed", l.getClass().getName(), e);
            }
        }
    }

    public void goLive() {
        live = true;
    }

    @Override
    public void inputDequeued(Command command, long queuedNanos) {
        if (live) {
            each(l -> l.inputDequeued(command, queuedNanos));
        }
    }

    @Override
    public void fillDecided(ExpertFill fill, List<DecisionRecord> decisions, long nanos) {
        if (live) {
            each(l -> l.fillDecided(fill, decisions, nanos));
        }
    }

    @Override
    public void inputApplied(Command command, Result reply, long nanos) {
        if (live) {
            each(l -> l.inputApplied(command, reply, nanos));
        }
    }

    @Override
    public void inputRefused(Command command, String errorCode) {
        if (live) {
            each(l -> l.inputRefused(command, errorCode));
            if (command instanceof ActivateRules a) {
                // the writer refused an activation (its text no longer compiles): a failed activation too
                each(l -> l.rulesActivationFailed(a.version(), errorCode));
            }
        }
    }

    @Override
    public void batchCommitted(int size, long nanos) {
        if (live) {
            each(l -> l.batchCommitted(size, nanos));
        }
    }

    @Override
    public void commitFailed(String message) {
        each(l -> l.commitFailed(message));
    }

    @Override
    public void riskAction(RiskActionRecord action) {
        if (live) {
            each(l -> l.riskAction(action));
        }
    }

    @Override
    public void riskIndexMissed(int accounts) {
        if (live) {
            each(l -> l.riskIndexMissed(accounts));
        }
    }

    @Override
    public void riskIndexSwept(int accounts) {
        if (live) {
            each(l -> l.riskIndexSwept(accounts));
        }
    }

    @Override
    public void ruleFailure(String code, String message) {
        if (live) {
            each(l -> l.ruleFailure(code, message));
        }
    }

    @Override
    public void profitShareFrozen(BigDecimal amount) {
        if (live) {
            each(l -> l.profitShareFrozen(amount));
        }
    }

    /** Live activations only: replayed ones were reported when they happened. */
    @Override
    public void rulesActivated(String version, String previousVersion) {
        if (live) {
            each(l -> l.rulesActivated(version, previousVersion));
        }
    }

    @Override
    public void rulesActivationFailed(String version, String code) {
        each(l -> l.rulesActivationFailed(version, code));
    }

    @Override
    public void statusChanged(Subscription s, SubscriptionStatus previous) {
        if (live) {
            each(l -> l.statusChanged(s, previous));
        }
    }

    @Override
    public void transactionPosted(Account a, Transaction t) {
        if (live) {
            each(l -> l.transactionPosted(a, t));
        }
    }
}
