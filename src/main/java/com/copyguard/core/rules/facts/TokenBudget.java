package com.copyguard.core.rules.facts;

import java.math.BigDecimal;
import org.kie.api.definition.type.ClassReactive;

/**
 * The platform's following-notional budget for one expert on one symbol (instrument
 * followNotionalLimit): what followers already hold plus what this fill's copies take. Inserted
 * only when the instrument sets a limit.
 */
@ClassReactive
public final class TokenBudget {
    private final String expertId;
    private final String symbol;
    private final BigDecimal limit;
    private BigDecimal used;

    public TokenBudget(String expertId, String symbol, BigDecimal limit, BigDecimal used) {
        this.expertId = expertId;
        this.symbol = symbol;
        this.limit = limit;
        this.used = used;
    }

    public String getExpertId() {
        return expertId;
    }

    public String getSymbol() {
        return symbol;
    }

    public BigDecimal getLimit() {
        return limit;
    }

    public BigDecimal getUsed() {
        return used;
    }

    public void consume(BigDecimal notional) {
        used = used.add(notional);
    }
}
