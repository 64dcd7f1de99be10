package com.copyguard.core.ledger;

import com.copyguard.core.model.SubscriptionStatus;

/**
 * Told by the {@link Ledger} about the changes people watch live: a subscription's status and each
 * money movement. Called on the writer thread while an input is applied, so implementations must be
 * quick, must never throw and must never change state.
 */
public interface LedgerListener {
    LedgerListener NONE = new LedgerListener() {
    };

    /** {@code s} went from {@code previous} to its current status. */
    default void statusChanged(Subscription s, SubscriptionStatus previous) {
    }

    /** {@code t} was recorded on account {@code a}. */
    default void transactionPosted(Account a, Transaction t) {
    }
}
