package com.copyguard.core.engine;

import com.copyguard.core.model.Side;
import java.math.BigDecimal;
import java.util.List;

/** An expert's margin change and what the rules decided for each follower copy that follows it. */
public record ExpertMarginResult(String expertId, String symbol, Side side, BigDecimal amount, BigDecimal expertMargin,
                                 List<RiskActionView> decisions) implements Result {
    @Override
    public boolean changed() {
        return true;
    }
}
