package com.copyguard.core.command;

import com.copyguard.core.model.FillAction;
import com.copyguard.core.model.FillStatus;
import com.copyguard.core.model.MarginMode;
import java.math.BigDecimal;

public record ExpertFill(String expertId, String fillId, String symbol, FillAction action, BigDecimal qty,
                         BigDecimal price, int leverage, MarginMode marginMode, FillStatus status, long time,
                         BigDecimal expertEquity) implements Command {
    @Override
    public Long eventTime() {
        return time;
    }
}
