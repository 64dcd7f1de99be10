package com.copyguard.engine;

import com.copyguard.command.ApiException;
import com.copyguard.command.PauseSubscription;
import com.copyguard.command.ResumeSubscription;
import com.copyguard.domain.SubscriptionStatus;
import com.copyguard.ledger.Ledger;
import com.copyguard.ledger.Subscription;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
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

    Reply pause(PauseSubscription c) {
        Subscription s = Lookup.subscription(ledger, c.subscriptionId());
        if (s.status() == SubscriptionStatus.PAUSED) {
            throw ApiException.conflict("ALREADY_PAUSED", "subscription " + s.subscriptionId() + " is already paused");
        }
        if (s.status() != SubscriptionStatus.ACTIVE) {
            throw ApiException.conflict("NOT_ACTIVE", "subscription " + s.subscriptionId() + " is " + s.status()
                    + ": only an active subscription can be paused");
        }
        ledger.setStatus(s, SubscriptionStatus.PAUSED);
        return Reply.changed(200, views.subscription(s));
    }

    Reply resume(ResumeSubscription c) {
        Subscription s = Lookup.subscription(ledger, c.subscriptionId());
        if (s.status() != SubscriptionStatus.PAUSED) {
            throw ApiException.conflict("NOT_PAUSED", "subscription " + s.subscriptionId() + " is " + s.status()
                    + ", not paused");
        }
        ledger.setStatus(s, SubscriptionStatus.ACTIVE);
        List<DecisionRecord> copied = c.copyExistingPositions()
                ? follows.copyExisting(ledger.expert(s.expertId()), s, c.time(), "resume")
                : List.of();
        ObjectNode body = views.subscription(s);
        ArrayNode decisions = body.putArray("copiedPositions");
        copied.forEach(d -> decisions.add(LedgerViews.decision(d, true)));
        return Reply.changed(200, body);
    }
}
