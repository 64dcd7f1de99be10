package com.copyguard.core.command;

import java.math.BigDecimal;
import java.util.List;

public record PriceTick(long time, List<SymbolPrice> prices) implements Command {
    public record SymbolPrice(String symbol, BigDecimal price) {
    }

    @Override
    public Long eventTime() {
        return time;
    }
}
