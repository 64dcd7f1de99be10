package com.copyguard.core.engine;

import java.util.List;

/**
 * The decision log: decisions made since the engine started ({@code total}) and the newest of them
 * still kept, oldest first. Positions are consecutive ordinals ending at {@code total - 1}; the
 * indexes by fill and by subscription are rebuilt from the kept decisions.
 */
public record DecisionLogState(long total, List<DecisionRecord> kept) {
    public DecisionLogState {
        kept = List.copyOf(kept);
    }
}
