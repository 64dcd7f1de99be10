package com.copyguard.core.ledger;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;

/**
 * An expert's settings and figures, open positions (in opening order), first trade time per symbol
 * (first-traded order) and each follower's subscription that has not stopped (by follower id).
 */
public record ExpertState(String expertId, BigDecimal profitShareRate, BigDecimal minFollowAmount, BigDecimal equity,
                          List<ExpertPositionState> positions, Map<String, Long> firstTraded,
                          Map<String, String> activeByFollower, Long lastOpenTime, Long lastFillTime,
                          BigDecimal profitShareEarned, Integer maxFollowers) {
    public ExpertState {
        positions = List.copyOf(positions);
        firstTraded = OrderedMaps.copyOf(firstTraded);
        activeByFollower = OrderedMaps.copyOf(activeByFollower);
    }
}
