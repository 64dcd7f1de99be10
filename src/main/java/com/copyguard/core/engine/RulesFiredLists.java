package com.copyguard.core.engine;

import java.util.List;
import java.util.concurrent.ConcurrentHashMap;

/**
 * One shared immutable list per sequence of fired rules: the followers of a fill mostly go through
 * the same few rule paths, so the decision log keeps a handful of lists instead of one per decision.
 * Sharing equal immutable lists changes no decision; the table is bounded, beyond it lists are copied.
 */
final class RulesFiredLists {
    private static final int MAX_SHARED = 4_096;
    private static final ConcurrentHashMap<List<String>, List<String>> SHARED = new ConcurrentHashMap<>();

    private RulesFiredLists() {
    }

    static List<String> of(List<String> rulesFired) {
        List<String> shared = SHARED.get(rulesFired);
        if (shared != null) {
            return shared;
        }
        List<String> copy = List.copyOf(rulesFired);
        if (SHARED.size() < MAX_SHARED) {
            List<String> raced = SHARED.putIfAbsent(copy, copy);
            return raced != null ? raced : copy;
        }
        return copy;
    }
}
