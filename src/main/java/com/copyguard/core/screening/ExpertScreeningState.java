package com.copyguard.core.screening;

import com.copyguard.core.engine.ScreeningState;
import java.util.List;

/** Every expert's screening history, in the order screening first heard of the expert. */
public record ExpertScreeningState(List<ExpertHistoryState> histories) implements ScreeningState {
    public ExpertScreeningState {
        histories = List.copyOf(histories);
    }
}
