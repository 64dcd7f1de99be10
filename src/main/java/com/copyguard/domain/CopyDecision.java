package com.copyguard.domain;

import java.math.BigDecimal;

/**
 * A copy decision reduced to what makes two rule sets disagree: outcome, reason and copied
 * quantity. The one comparison shadow runs (live facts) and what-if replays (logged decisions)
 * both use, so "decided differently" means the same thing in both reports.
 */
public record CopyDecision(Outcome outcome, ReasonCode reason, BigDecimal qty) {

    /** Quantities compare by value: 0.10 and 0.1 are the same copy. */
    public boolean differsFrom(CopyDecision other) {
        return outcome != other.outcome || reason != other.reason || qty.compareTo(other.qty) != 0;
    }
}
