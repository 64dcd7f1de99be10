package com.copyguard.command;

import com.copyguard.domain.Instrument;
import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigDecimal;

public record PutInstrument(String symbol, BigDecimal minQty, BigDecimal qtyStep, int maxLeverage,
                            BigDecimal takerFeeRate, BigDecimal maintenanceMarginRate,
                            BigDecimal followNotionalLimit) implements Command {
    private static final String SCHEMA = "InstrumentInput";


    public static PutInstrument parse(String symbol, JsonNode body) {
        if (!symbol.matches("[A-Z0-9]{2,32}")) {
            throw ApiException.invalid("symbol must be 2-32 upper-case letters or digits");
        }
        Fields f = Fields.of(body, SCHEMA);
        BigDecimal minQty = f.positive("minQty");
        BigDecimal step = f.positive("qtyStep");
        if (minQty.remainder(step).signum() != 0) {
            throw ApiException.invalid("minQty must be a multiple of qtyStep");
        }
        BigDecimal fee = f.within("takerFeeRate", BigDecimal.ZERO, new BigDecimal("0.1"));
        BigDecimal mmr = f.within("maintenanceMarginRate", BigDecimal.ZERO, new BigDecimal("0.5"));
        return new PutInstrument(symbol, minQty, step, f.integer("maxLeverage"), fee, mmr,
                f.optionalPositive("followNotionalLimit"));
    }

    public Instrument toInstrument() {
        return new Instrument(symbol, minQty, qtyStep, maxLeverage, takerFeeRate, maintenanceMarginRate,
                followNotionalLimit);
    }

    @Override
    public Long eventTime() {
        return null;
    }
}
