package com.copyguard.core.screening;

import java.util.List;

/** The outcome of screening one expert with one rule set. */
public record Screening(String expertId, ScreeningMetrics metrics, List<ScreeningFlag> flags, Verdict verdict,
                        String verdictRule, String ruleSet) {
}
