package com.copyguard.core.rules.facts;

import java.math.BigDecimal;
import org.kie.api.definition.type.ClassReactive;

/**
 * The platform's following-notional budget for one expert on one symbol (instrument
 * followNotionalLimit): what followers already hold plus what this fill's copies take. Inserted
 * only when the instrument sets a limit. Not {@code settled} while a cluster shard only collects its
 * copies' {@link TokenClaim}s to send to the others: rules then make claims but grant none.
 */
@ClassReactive
public final class TokenBudget {
    private final String expertId;
    private final String symbol;
    private final BigDecimal limit;
    private final boolean settled;
    private BigDecimal used;

    public TokenBudget(String expertId, String symbol, BigDecimal limit, BigDecimal used) {
        this(expertId, symbol, limit, used, true);
    }

    public TokenBudget(String expertId, String symbol, BigDecimal limit, BigDecimal used, boolean settled) {
        this.settled = settled;
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

    /** Whether every claim on the budget is known here, so the rules may grant them. */
    public boolean isSettled() {
        return settled;
    }

    public BigDecimal getUsed() {
        return used;
    }

    public void consume(BigDecimal notional) {
        used = used.add(notional);
    }
}
