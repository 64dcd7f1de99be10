package com.copyguard.core.engine;

import com.copyguard.core.model.MarginMode;
import com.copyguard.core.model.Side;
import com.copyguard.core.ledger.Expert;
import com.copyguard.core.ledger.ExpertPosition;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

/** An expert: its settings, the positions tracked from its fills, followers and profit share earned. */
public record ExpertView(String expertId, BigDecimal equity, BigDecimal profitShareRate, BigDecimal minFollowAmount,
                         List<Position> positions, int followers, Integer maxFollowers,
                         BigDecimal profitShareEarned) {
    /** One of the expert's own open positions. */
    public record Position(String symbol, Side side, BigDecimal qty, BigDecimal entryPrice, int leverage,
                           MarginMode marginMode, BigDecimal margin) {
    }

    public static ExpertView of(Expert e) {
        List<Position> positions = new ArrayList<>();
        for (ExpertPosition p : e.positions()) {
            positions.add(new Position(p.symbol(), p.side(), p.qty(), p.entryPrice(), p.leverage(), p.marginMode(),
                    p.margin()));
        }
        return new ExpertView(e.expertId(), e.equity(), e.profitShareRate(), e.minFollowAmount(), List.copyOf(positions),
                e.followers(), e.maxFollowers(), e.profitShareEarned());
    }
}
