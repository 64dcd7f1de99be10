package com.copyguard.command;

import com.copyguard.domain.FillAction;
import com.copyguard.domain.FillStatus;
import com.copyguard.domain.MarginMode;
import java.math.BigDecimal;

public record ExpertFill(String expertId, String fillId, String symbol, FillAction action, BigDecimal qty,
                         BigDecimal price, int leverage, MarginMode marginMode, FillStatus status, long time,
                         BigDecimal expertEquity) implements Command {
    @Override
    public Long eventTime() {
        return time;
    }
}
