package com.copyguard.core.rules;

import com.copyguard.core.model.DecisionDiff;

/** One copy the shadow version would have decided differently from the active one. */
public record ShadowDifference(String expertId, String fillId, String symbol, String action, long time,
                               CopyVerdict active, CopyVerdict shadow) {

    /** A short label of the change, e.g. {@code COPIED→REJECTED} or {@code COPIED→COPIED(qty)}. */
    public String change() {
        return DecisionDiff.change(active.decision(), shadow.decision());
    }
}
