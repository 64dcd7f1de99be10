package com.copyguard.core.screening;

import java.math.BigDecimal;
import java.util.List;

/**
 * One expert's screening history as immutable values: day closes (oldest first), open shadow
 * positions (in opening order), symbols traded and fill ids seen (both sorted: the live fill-id set
 * is unordered), the growth index bookkeeping and the newest closed trades (oldest first).
 */
public record ExpertHistoryState(String expertId, List<DayClose> days, List<ShadowPositionState> positions,
                                 List<String> symbolsTraded, List<String> fillsSeen, BigDecimal anchorEquity,
                                 BigDecimal anchorUnrealized, BigDecimal realizedSinceAnchor, BigDecimal units,
                                 BigDecimal index, BigDecimal peakIndex, BigDecimal maxDrawdown, boolean wipedOut,
                                 Long lastObservationTime, long closedPositions, long profitablePositions,
                                 List<ExpertTrade> trades) {
    public ExpertHistoryState {
        days = List.copyOf(days);
        positions = List.copyOf(positions);
        symbolsTraded = List.copyOf(symbolsTraded);
        fillsSeen = List.copyOf(fillsSeen);
        trades = List.copyOf(trades);
    }
}
