package com.copyguard.command;

import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

public record PriceTick(long time, List<SymbolPrice> prices) implements Command {
    private static final String SCHEMA = "PriceInput";


    public record SymbolPrice(String symbol, BigDecimal price) {
    }

    public static PriceTick parse(JsonNode body) {
        Fields f = Fields.of(body, SCHEMA);
        long time = f.time("time");
        JsonNode list = f.node("prices");
        if (list == null || !list.isArray() || list.isEmpty()) {
            throw ApiException.invalid("prices must be a non-empty array of {symbol, price}");
        }
        List<SymbolPrice> prices = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        int i = 0;
        for (JsonNode p : list) {
            Fields pf = Fields.of(p, InputSchema.named("SymbolPrice"), "prices[" + i++ + "]");
            String symbol = pf.text("symbol");
            if (!seen.add(symbol)) {
                throw ApiException.invalid("prices lists " + symbol + " twice");
            }
            prices.add(new SymbolPrice(symbol, pf.positive("price")));
        }
        return new PriceTick(time, List.copyOf(prices));
    }

    @Override
    public Long eventTime() {
        return time;
    }
}
