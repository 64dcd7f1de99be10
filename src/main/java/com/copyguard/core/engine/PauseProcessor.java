package com.copyguard.core.engine;

import com.copyguard.core.refusal.RefusalCode;
import com.copyguard.core.refusal.InputRefused;
import com.copyguard.core.command.PauseSubscription;
import com.copyguard.core.command.ResumeSubscription;
import com.copyguard.core.model.SubscriptionStatus;
import com.copyguard.core.ledger.Ledger;
import com.copyguard.core.ledger.Subscription;
import java.util.List;

/**
 * Pause and resume copying. A paused subscription keeps its settings, positions and account; the
 * rules reject the expert's new opens with PAUSED while closes, stop loss / take profit, manual
 * closes and margin changes go on. Resuming may copy the expert's current positions (catch-up).
 */
final class PauseProcessor {
    private final Ledger ledger;
    private final LedgerViews views;
    private final FollowProcessor follows;

    PauseProcessor(Ledger ledger, LedgerViews views, FollowProcessor follows) {
        this.ledger = ledger;
        this.views = views;
        this.follows = follows;
    }

    Result pause(PauseSubscription c) {
        Subscription s = Lookup.subscription(ledger, c.subscriptionId());
        if (s.status() == SubscriptionStatus.PAUSED) {
            throw new InputRefused(RefusalCode.ALREADY_PAUSED, "subscription " + s.subscriptionId() + " is already paused");
        }
        if (s.status() != SubscriptionStatus.ACTIVE) {
            throw new InputRefused(RefusalCode.NOT_ACTIVE, "subscription " + s.subscriptionId() + " is " + s.status()
                    + ": only an active subscription can be paused");
        }
        ledger.setStatus(s, SubscriptionStatus.PAUSED);
        return SubscriptionResult.of(views.subscription(s));
    }

    Result resume(ResumeSubscription c) {
        Subscription s = Lookup.subscription(ledger, c.subscriptionId());
        if (s.status() != SubscriptionStatus.PAUSED) {
            throw new InputRefused(RefusalCode.NOT_PAUSED, "subscription " + s.subscriptionId() + " is " + s.status()
                    + ", not paused");
        }
        ledger.setStatus(s, SubscriptionStatus.ACTIVE);
        List<DecisionRecord> copied = c.copyExistingPositions()
                ? follows.copyExisting(ledger.expert(s.expertId()), s, c.time(), "resume")
                : List.of();
        return new SubscriptionResult(views.subscription(s), null, copied.stream().map(DecisionView::of).toList());
    }
}
