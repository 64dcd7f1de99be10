package com.copyguard.core.ledger;

import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.Map;

/** Latest mark price per symbol with the event time it was observed at. */
public final class MarketPrices {
    public record Mark(BigDecimal price, long time) {
    }

    private final Map<String, Mark> marks = new LinkedHashMap<>();

    /** Every symbol's latest mark, in the order the symbols were first seen. */
    Map<String, Mark> marks() {
        return marks;
    }

    /** Replaces every mark, in place (the valuation keeps seeing this instance). */
    void restore(Map<String, Mark> state) {
        marks.clear();
        marks.putAll(state);
    }

    public Mark get(String symbol) {
        return marks.get(symbol);
    }

    /** Records a price unless a newer one is already known. */
    void observe(String symbol, BigDecimal price, long time) {
        Mark old = marks.get(symbol);
        if (old == null || time >= old.time()) {
            marks.put(symbol, new Mark(price, time));
        }
    }

    /**
     * The price a follower order fills at: the latest price input when it is newer than the
     * expert's fill, otherwise the fill price itself (SPEC.md "Execution").
     */
    public BigDecimal executionPrice(String symbol, BigDecimal fillPrice, long fillTime) {
        Mark m = marks.get(symbol);
        return m != null && m.time() > fillTime ? m.price() : fillPrice;
    }

    /** Mark for valuing positions: latest observed, or {@code fallback} if the symbol never priced. */
    public BigDecimal markOr(String symbol, BigDecimal fallback) {
        Mark m = marks.get(symbol);
        return m == null ? fallback : m.price();
    }
}
