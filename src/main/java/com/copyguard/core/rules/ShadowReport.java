package com.copyguard.core.rules;

import java.util.List;
import java.util.Map;

/**
 * The state of a shadow run: fills evaluated, copy decisions compared, how many differ (by kind of
 * change) and the most recent differing decisions; failures counts candidate evaluations that threw
 * or ran away.
 */
public record ShadowReport(String version, String description, long fills, long compared, long differing,
                           long failures, String lastFailure, Map<String, Long> byChange,
                           List<ShadowDifference> examples) {
}
