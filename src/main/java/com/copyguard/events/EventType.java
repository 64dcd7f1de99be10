package com.copyguard.events;

/** The kinds of live events; a client may ask for a subset with {@code types=}. */
public enum EventType {
    /** A copy decision on an expert fill (copied, capped or rejected with its reason). */
    DECISION,
    /** A position closed or liquidated, or a subscription stopped, by the risk rules. */
    RISK_ACTION,
    /** A subscription's status changed (ACTIVE, CLOSING, INTERRUPTED, STOPPED, ...). */
    STATUS,
    /** Pending profit share frozen on a withdrawal request. */
    FREEZE,
    /** A frozen amount given back at the daily check. */
    FREEZE_REFUND,
    /** Profit share paid to the expert. */
    SETTLEMENT,
    /** Money in or out of an account: a deposit, a withdrawal or a transfer out. */
    FUNDS
}
