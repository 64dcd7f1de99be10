package com.copyguard.core.rules.facts;

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
    private final BigDecimal loan;
    private Boolean settle;
    private BigDecimal interest;

    public DailyCheck(String accountId, boolean hasOpenPositions, BigDecimal balance, BigDecimal frozen,
                      BigDecimal pending) {
        this(accountId, hasOpenPositions, balance, frozen, pending, balance.signum() < 0 ? balance.negate() : BigDecimal.ZERO);
    }

    /** {@code loan}: the part of a negative balance that a withdrawal of unrealized profit created. */
    public DailyCheck(String accountId, boolean hasOpenPositions, BigDecimal balance, BigDecimal frozen,
                      BigDecimal pending, BigDecimal loan) {
        this.loan = loan;
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

    /** The loan that accrues interest: what a withdrawal of unrealized profit left the balance short (≥ 0). */
    public BigDecimal getLoan() {
        return loan;
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
