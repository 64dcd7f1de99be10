package com.copyguard.core.engine;

import com.copyguard.core.model.Instrument;
import java.math.BigDecimal;

/** An instrument of the catalog, as answers show it. */
public record InstrumentView(String symbol, BigDecimal minQty, BigDecimal qtyStep, int maxLeverage,
                             BigDecimal takerFeeRate, BigDecimal maintenanceMarginRate,
                             BigDecimal followNotionalLimit) {
    public static InstrumentView of(Instrument i) {
        return new InstrumentView(i.getSymbol(), i.getMinQty(), i.getQtyStep(), i.getMaxLeverage(), i.getTakerFeeRate(),
                i.getMaintenanceMarginRate(), i.getFollowNotionalLimit());
    }
}
