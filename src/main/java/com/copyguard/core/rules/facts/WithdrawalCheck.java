package com.copyguard.core.rules.facts;

import java.math.BigDecimal;
import org.kie.api.definition.type.ClassReactive;

/** A requested withdrawal, for the profit-share freeze rule: how much more (if any) to freeze. */
@ClassReactive
public final class WithdrawalCheck extends RuleDecision {
    private final String accountId;
    private final BigDecimal requested;
    private final BigDecimal pending;
    private final BigDecimal frozen;
    private final BigDecimal equity;
    private BigDecimal freezeAdded;

    public WithdrawalCheck(String accountId, BigDecimal requested, BigDecimal pending, BigDecimal frozen,
                           BigDecimal equity) {
        this.accountId = accountId;
        this.requested = requested;
        this.pending = pending;
        this.frozen = frozen;
        this.equity = equity;
    }

    public String getAccountId() {
        return accountId;
    }

    public BigDecimal getRequested() {
        return requested;
    }

    /** Pending profit share of the account's subscriptions. */
    public BigDecimal getPending() {
        return pending;
    }

    /** Already frozen before this withdrawal. */
    public BigDecimal getFrozen() {
        return frozen;
    }

    public BigDecimal getEquity() {
        return equity;
    }

    /** Total assets that would remain after paying the request in full. */
    public BigDecimal getRemainingAssets() {
        return equity.subtract(requested);
    }

    /** Decided amount to add to the freeze; null until a rule decides. */
    public BigDecimal getFreezeAdded() {
        return freezeAdded;
    }

    public void setFreezeAdded(BigDecimal freezeAdded) {
        this.freezeAdded = freezeAdded;
    }
}
