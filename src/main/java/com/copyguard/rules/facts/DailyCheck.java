package com.copyguard.rules.facts;

import java.math.BigDecimal;
import org.kie.api.definition.type.ClassReactive;

/** One account at the daily check (00:00 UTC+8): settle and refund or not, and loan interest. */
@ClassReactive
public final class DailyCheck extends RuleDecision {
    private final String accountId;
    private final boolean hasOpenPositions;
    private final BigDecimal balance;
    private final BigDecimal frozen;
    private final BigDecimal pending;
    private Boolean settle;
    private BigDecimal interest;

    public DailyCheck(String accountId, boolean hasOpenPositions, BigDecimal balance, BigDecimal frozen,
                      BigDecimal pending) {
        this.accountId = accountId;
        this.hasOpenPositions = hasOpenPositions;
        this.balance = balance;
        this.frozen = frozen;
        this.pending = pending;
    }

    public String getAccountId() {
        return accountId;
    }

    public boolean isHasOpenPositions() {
        return hasOpenPositions;
    }

    public BigDecimal getBalance() {
        return balance;
    }

    public BigDecimal getFrozen() {
        return frozen;
    }

    public BigDecimal getPending() {
        return pending;
    }

    /** True: settle pending profit share and refund the whole freeze. Null until decided. */
    public Boolean getSettle() {
        return settle;
    }

    public void setSettle(Boolean settle) {
        this.settle = settle;
    }

    /** Loan interest to charge for the day; null when none. */
    public BigDecimal getInterest() {
        return interest;
    }

    public void setInterest(BigDecimal interest) {
        this.interest = interest;
    }
}
