package com.copyguard.core.command;

import com.copyguard.core.model.Instrument;
import java.math.BigDecimal;

public record PutInstrument(String symbol, BigDecimal minQty, BigDecimal qtyStep, int maxLeverage,
                            BigDecimal takerFeeRate, BigDecimal maintenanceMarginRate,
                            BigDecimal followNotionalLimit) implements Command {
    public Instrument toInstrument() {
        return new Instrument(symbol, minQty, qtyStep, maxLeverage, takerFeeRate, maintenanceMarginRate,
                followNotionalLimit);
    }

    @Override
    public Long eventTime() {
        return null;
    }
}
