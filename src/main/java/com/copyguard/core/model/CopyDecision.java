package com.copyguard.core.model;

import java.math.BigDecimal;

/**
 * A copy decision reduced to what makes two rule sets disagree: outcome, reason and copied
 * quantity. {@link DecisionDiff} compares them.
 */
public record CopyDecision(Outcome outcome, ReasonCode reason, BigDecimal qty) {
}
