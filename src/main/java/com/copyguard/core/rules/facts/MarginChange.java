package com.copyguard.core.rules.facts;

import com.copyguard.core.model.Decimals;
import com.copyguard.core.model.MarginMode;
import com.copyguard.core.model.PositionArithmetic;
import com.copyguard.core.model.ReasonCode;
import com.copyguard.core.model.Side;
import java.math.BigDecimal;
import java.math.RoundingMode;
import org.kie.api.definition.type.ClassReactive;

/**
 * A margin change on one follower position: the follower's own request ({@code copy} false, the
 * amount given) or a copy of an expert's change ({@code copy} true, the amount for rules to set in
 * proportion from {@code expertAmount} and {@code expertMargin}). Positive adds, negative removes.
 */
@ClassReactive
public final class MarginChange extends RuleDecision {
    /** Money is kept at 8 decimal places: a proportional amount is cut (towards zero) to that. */
    private static final int MONEY_SCALE = 8;

    private final String subscriptionId;
    private final String symbol;
    private final Side side;
    private final MarginMode marginMode;
    private final BigDecimal qty;
    private final BigDecimal entryPrice;
    private final BigDecimal markPrice;
    private final int leverage;
    private final BigDecimal margin;
    private final BigDecimal maintenanceMarginRate;
    private final BigDecimal available;
    private final boolean copy;
    private final BigDecimal expertAmount;
    private final BigDecimal expertMargin;
    private BigDecimal amount;
    private ReasonCode cappedBy;

    public MarginChange(String subscriptionId, String symbol, Side side, MarginMode marginMode, BigDecimal qty,
                        BigDecimal entryPrice, BigDecimal markPrice, int leverage, BigDecimal margin,
                        BigDecimal maintenanceMarginRate, BigDecimal available, BigDecimal requested,
                        BigDecimal expertAmount, BigDecimal expertMargin) {
        this.subscriptionId = subscriptionId;
        this.symbol = symbol;
        this.side = side;
        this.marginMode = marginMode;
        this.qty = qty;
        this.entryPrice = entryPrice;
        this.markPrice = markPrice;
        this.leverage = leverage;
        this.margin = margin;
        this.maintenanceMarginRate = maintenanceMarginRate;
        this.available = available;
        this.amount = requested;
        this.copy = expertAmount != null;
        this.expertAmount = expertAmount;
        this.expertMargin = expertMargin;
    }

    public String getSubscriptionId() {
        return subscriptionId;
    }

    public String getSymbol() {
        return symbol;
    }

    public Side getSide() {
        return side;
    }

    public MarginMode getMarginMode() {
        return marginMode;
    }

    public BigDecimal getQty() {
        return qty;
    }

    public BigDecimal getEntryPrice() {
        return entryPrice;
    }

    public BigDecimal getMarkPrice() {
        return markPrice;
    }

    public int getLeverage() {
        return leverage;
    }

    /** The position's margin now. */
    public BigDecimal getMargin() {
        return margin;
    }

    /** The initial margin at the current mark (qty × mark ÷ leverage): a removal may not go below it. */
    public BigDecimal getInitialMargin() {
        return Decimals.margin(qty, markPrice, leverage);
    }

    public BigDecimal getAvailable() {
        return available;
    }

    public boolean isCopy() {
        return copy;
    }

    public BigDecimal getExpertAmount() {
        return expertAmount;
    }

    public BigDecimal getExpertMargin() {
        return expertMargin;
    }

    /** The change to apply (null until a rule sets a copy's amount). */
    public BigDecimal getAmount() {
        return amount;
    }

    /** The rule that made the amount smaller than asked, or null. */
    public ReasonCode getCappedBy() {
        return cappedBy;
    }

    /** The margin after the change. */
    public BigDecimal getMarginAfter() {
        return amount == null ? margin : margin.add(amount);
    }

    /** Sets a copy's amount, cut towards zero to 8 decimal places. */
    public void setAmount(BigDecimal value) {
        amount = value.setScale(MONEY_SCALE, RoundingMode.DOWN);
    }

    /** Caps the amount to {@code value} (cut towards zero to 8 places) and records why. */
    public void capTo(BigDecimal value, ReasonCode reason) {
        setAmount(value);
        cappedBy = reason;
        setReason(reason);
    }

    /** The isolated liquidation price with the position's margin now. */
    public BigDecimal getLiquidationPriceBefore() {
        return liquidationPrice(margin);
    }

    /** The isolated liquidation price with the margin after the change. */
    public BigDecimal getLiquidationPriceAfter() {
        return liquidationPrice(getMarginAfter());
    }

    /**
     * Where the loss reaches the margin minus the maintenance margin (the isolated liquidation rule):
     * long (entry·qty − margin) ÷ (qty·(1 − mmr)), short (entry·qty + margin) ÷ (qty·(1 + mmr)); not below 0.
     */
    private BigDecimal liquidationPrice(BigDecimal withMargin) {
        BigDecimal price = PositionArithmetic.isolatedLiquidationPrice(side, entryPrice, qty, withMargin,
                maintenanceMarginRate);
        return Decimals.nonNegative(price).setScale(MONEY_SCALE, RoundingMode.HALF_EVEN).stripTrailingZeros();
    }
}
