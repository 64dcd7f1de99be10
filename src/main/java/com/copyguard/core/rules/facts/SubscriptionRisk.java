package com.copyguard.core.rules.facts;

import com.copyguard.core.model.GuardianSetting;
import com.copyguard.core.model.ReasonCode;
import java.math.BigDecimal;
import org.kie.api.definition.type.ClassReactive;

/**
 * A subscription's Net Value Guardian figures, taken from its following account: net invested
 * (deposits − withdrawals) and equity.
 */
@ClassReactive
public final class SubscriptionRisk extends RuleDecision {
    private final String subscriptionId;
    private final BigDecimal netInvested;
    private final BigDecimal equity;
    private final GuardianSetting guardian;
    private final BigDecimal peakEquity;
    private ReasonCode stopReason;
    private TriggerPrices triggers = new TriggerPrices(null, null);
    private BigDecimal equityPerPrice = BigDecimal.ZERO;

    public SubscriptionRisk(String subscriptionId, BigDecimal netInvested, BigDecimal equity, GuardianSetting guardian) {
        this(subscriptionId, netInvested, equity, guardian, null);
    }

    public SubscriptionRisk(String subscriptionId, BigDecimal netInvested, BigDecimal equity, GuardianSetting guardian,
                            BigDecimal peakEquity) {
        this.peakEquity = peakEquity;
        this.subscriptionId = subscriptionId;
        this.netInvested = netInvested;
        this.equity = equity;
        this.guardian = guardian;
    }

    public String getSubscriptionId() {
        return subscriptionId;
    }

    public BigDecimal getNetInvested() {
        return netInvested;
    }

    public BigDecimal getEquity() {
        return equity;
    }

    /** Net loss = net invested − equity (negative when in profit). */
    public BigDecimal getNetLoss() {
        return netInvested.subtract(equity);
    }

    /**
     * The highest equity since the follow, adjusted by the deposits and withdrawals made since (each
     * moves it by its amount, so money moved in or out is neither a gain nor a drawdown); null if unknown.
     */
    public BigDecimal getPeakEquity() {
        return peakEquity;
    }

    public GuardianSetting getGuardian() {
        return guardian;
    }

    /**
     * How equity moves with the price of the one symbol the account holds positions on ({@code where}
     * says which, or that it holds several or none): by the account's signed quantity (long − short) per unit.
     */
    public void priceExposure(TriggerPrices where, BigDecimal equityPerPrice) {
        this.triggers = where;
        this.equityPerPrice = equityPerPrice;
    }

    public BigDecimal getEquityPerPrice() {
        return equityPerPrice;
    }

    public TriggerPrices getTriggers() {
        return triggers;
    }

    public ReasonCode getStopReason() {
        return stopReason;
    }

    /** Rules call this to stop the subscription with a market close. */
    public void stopFollowing(ReasonCode reason) {
        this.stopReason = reason;
        setReason(reason);
    }
}
