package com.copyguard.core.rules.facts;

import com.copyguard.core.model.ReasonCode;
import java.math.BigDecimal;
import org.kie.api.definition.type.ClassReactive;

/**
 * A following account's cross-margin health: the equity backing its cross positions (balance plus
 * their unrealized PnL, less the margin ring-fenced in isolated positions) against their total
 * maintenance margin.
 */
@ClassReactive
public final class AccountRisk extends RuleDecision {
    private final String accountId;
    private final BigDecimal crossEquity;
    private final BigDecimal crossMaintenanceMargin;
    private final int crossPositions;
    private ReasonCode liquidateReason;

    public AccountRisk(String accountId, BigDecimal crossEquity, BigDecimal crossMaintenanceMargin, int crossPositions) {
        this.accountId = accountId;
        this.crossEquity = crossEquity;
        this.crossMaintenanceMargin = crossMaintenanceMargin;
        this.crossPositions = crossPositions;
    }

    public String getAccountId() {
        return accountId;
    }

    public BigDecimal getCrossEquity() {
        return crossEquity;
    }

    public BigDecimal getCrossMaintenanceMargin() {
        return crossMaintenanceMargin;
    }

    public int getCrossPositions() {
        return crossPositions;
    }

    public ReasonCode getLiquidateReason() {
        return liquidateReason;
    }

    /** Rules call this to close every cross position of the account. */
    public void liquidateCross(ReasonCode reason) {
        this.liquidateReason = reason;
        setReason(reason);
    }
}
