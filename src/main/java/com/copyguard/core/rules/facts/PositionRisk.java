package com.copyguard.core.rules.facts;

import com.copyguard.core.model.Decimals;
import com.copyguard.core.model.MarginMode;
import com.copyguard.core.model.PositionArithmetic;
import com.copyguard.core.model.ReasonCode;
import com.copyguard.core.model.Side;
import com.copyguard.core.model.SubscriptionSettings;
import java.math.BigDecimal;
import org.kie.api.definition.type.ClassReactive;

/** One open follower position at the current mark, for stop-loss, take-profit and isolated liquidation rules. */
@ClassReactive
public final class PositionRisk extends RuleDecision {
    private final String subscriptionId;
    private final String symbol;
    private final Side side;
    private final BigDecimal qty;
    private final BigDecimal entryPrice;
    private final BigDecimal markPrice;
    private final BigDecimal margin;
    private final MarginMode marginMode;
    private final BigDecimal maintenanceMarginRate;
    private final SubscriptionSettings settings;
    private ReasonCode closeReason;
    private final BigDecimal unrealizedPnl;
    private BigDecimal roe;
    private BigDecimal maintenanceMargin;
    private TriggerPrices triggers;

    public PositionRisk(String subscriptionId, String symbol, Side side, BigDecimal qty, BigDecimal entryPrice,
                        BigDecimal markPrice, BigDecimal margin, MarginMode marginMode,
                        BigDecimal maintenanceMarginRate, SubscriptionSettings settings) {
        this.subscriptionId = subscriptionId;
        this.symbol = symbol;
        this.side = side;
        this.qty = qty;
        this.entryPrice = entryPrice;
        this.markPrice = markPrice;
        this.margin = margin;
        this.marginMode = marginMode;
        this.maintenanceMarginRate = maintenanceMarginRate;
        this.settings = settings;
        this.unrealizedPnl = PositionArithmetic.pnl(side, entryPrice, markPrice, qty);
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

    public BigDecimal getQty() {
        return qty;
    }

    public BigDecimal getEntryPrice() {
        return entryPrice;
    }

    public BigDecimal getMarkPrice() {
        return markPrice;
    }

    public BigDecimal getMargin() {
        return margin;
    }

    public MarginMode getMarginMode() {
        return marginMode;
    }

    public SubscriptionSettings getSettings() {
        return settings;
    }

    public BigDecimal getUnrealizedPnl() {
        return unrealizedPnl;
    }

    /** Return on equity of the position: unrealized PnL ÷ position margin. */
    public BigDecimal getRoe() {
        if (roe == null) {
            roe = margin.signum() == 0 ? BigDecimal.ZERO : Decimals.div(unrealizedPnl, margin);
        }
        return roe;
    }

    /** Maintenance margin at mark: qty × mark × the instrument's maintenance margin rate. */
    public BigDecimal getMaintenanceMargin() {
        if (maintenanceMargin == null) {
            maintenanceMargin = qty.multiply(markPrice).multiply(maintenanceMarginRate);
        }
        return maintenanceMargin;
    }

    public BigDecimal getMaintenanceMarginRate() {
        return maintenanceMarginRate;
    }

    /** Where this position's triggers fire, as the {@code @triggerPrice} rules declare it (prices of its own symbol). */
    public TriggerPrices getTriggers() {
        if (triggers == null) {
            triggers = new TriggerPrices(symbol, markPrice);
        }
        return triggers;
    }

    public ReasonCode getCloseReason() {
        return closeReason;
    }

    /** Rules call this to close the position at market for {@code reason}. */
    public void close(ReasonCode reason) {
        this.closeReason = reason;
        setReason(reason);
    }
}
