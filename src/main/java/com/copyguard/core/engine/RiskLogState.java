package com.copyguard.core.engine;

import java.util.List;

/** The risk log: actions taken since the engine started ({@code total}) and the newest kept, oldest first. */
public record RiskLogState(long total, List<RiskActionRecord> kept) {
    public RiskLogState {
        kept = List.copyOf(kept);
    }
}
