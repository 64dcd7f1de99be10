package com.copyguard.rules.shadow;

/** One copy the shadow version would have decided differently from the active one. */
public record ShadowDifference(String expertId, String fillId, String symbol, String action, long time,
                               CopyVerdict active, CopyVerdict shadow) {

    /** A short label of the change, e.g. {@code COPIED→REJECTED} or {@code COPIED→COPIED(qty)}. */
    public String change() {
        String change = active.outcome() + "→" + shadow.outcome();
        if (active.outcome() != shadow.outcome()) {
            return change;
        }
        return change + (active.reason() != shadow.reason() ? "(reason)" : "(qty)");
    }
}
