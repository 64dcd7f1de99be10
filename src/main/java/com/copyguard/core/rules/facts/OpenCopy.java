package com.copyguard.core.rules.facts;

import com.copyguard.core.model.Decimals;
import com.copyguard.core.model.Instrument;
import com.copyguard.core.model.MarginMode;
import com.copyguard.core.model.PositionArithmetic;
import com.copyguard.core.model.ReasonCode;
import com.copyguard.core.model.SubscriptionSettings;
import java.math.BigDecimal;
import org.kie.api.definition.type.ClassReactive;

/**
 * One subscription's copy of an expert OPEN fill. Rules choose leverage and margin mode, size the
 * target, apply the caps, round and accept or reject. Class-reactive: any modify re-evaluates every
 * pattern on it, so each rule's condition must become false once it has acted.
 */
@ClassReactive
public final class OpenCopy extends RuleDecision {
    private final ExpertOrder order;
    private final Instrument instrument;
    private final FollowerState follower;
    private final BigDecimal markPrice;
    private final Integer customLeverage;
    private Integer leverage;
    private MarginMode marginMode;
    private BigDecimal targetQty;
    private BigDecimal qty;
    private boolean rounded;
    private ReasonCode shrunkBy;
    private boolean tokenChecked;
    private boolean tokenClaimed;
    /** The follower, for the copy's place in the token budget's order ({@link TokenClaim}); null where no budget applies. */
    private final String followerId;
    private final BigDecimal slippage;
    /**
     * Derived from qty and leverage when a getter first reads them after either changed: constraints
     * read them often, while the consequences that shrink or round the copy change them several times
     * in a row.
     */
    private boolean stale;
    private BigDecimal margin = BigDecimal.ZERO;
    private BigDecimal fee = BigDecimal.ZERO;
    private BigDecimal notional = BigDecimal.ZERO;

    public OpenCopy(ExpertOrder order, Instrument instrument, FollowerState follower, BigDecimal markPrice) {
        this(order, instrument, follower, markPrice, slippage(order, markPrice), null);
    }

    public OpenCopy(ExpertOrder order, Instrument instrument, FollowerState follower, BigDecimal markPrice,
                    BigDecimal slippage) {
        this(order, instrument, follower, markPrice, slippage, null);
    }

    /**
     * {@code slippage}: {@link #slippage(ExpertOrder, BigDecimal)} of the order and price, the same for
     * every copy of one fill, so computed once per fill; {@code followerId}: the subscription's follower.
     */
    public OpenCopy(ExpertOrder order, Instrument instrument, FollowerState follower, BigDecimal markPrice,
                    BigDecimal slippage, String followerId) {
        this.order = order;
        this.followerId = followerId;
        this.instrument = instrument;
        this.follower = follower;
        this.markPrice = markPrice;
        this.customLeverage = follower.getSettings().getLeverage().getPerSymbol().get(order.getSymbol());
        this.slippage = slippage;
    }

    /** How far the mark moved the side's way since the expert's fill: against a copy entering now. */
    public static BigDecimal slippage(ExpertOrder order, BigDecimal markPrice) {
        return Decimals.div(PositionArithmetic.moveInFavour(order.getSide(), order.getPrice(), markPrice),
                order.getPrice());
    }

    private void derive() {
        stale = qty != null;
    }

    private void deriveIfStale() {
        if (!stale) {
            return;
        }
        stale = false;
        notional = qty.multiply(markPrice);
        fee = notional.multiply(instrument.getTakerFeeRate());
        margin = leverage == null ? BigDecimal.ZERO : Decimals.div(notional, leverage);
    }

    public ExpertOrder getOrder() {
        return order;
    }

    public Instrument getInstrument() {
        return instrument;
    }

    public FollowerState getFollower() {
        return follower;
    }

    public SubscriptionSettings getSettings() {
        return follower.getSettings();
    }

    /** The price the copy fills at. */
    public BigDecimal getMarkPrice() {
        return markPrice;
    }

    /** The subscription's CUSTOM leverage for this symbol, or null when it has none. */
    public Integer getCustomLeverage() {
        return customLeverage;
    }

    public Integer getLeverage() {
        return leverage;
    }

    public void setLeverage(Integer leverage) {
        this.leverage = leverage;
        derive();
    }

    public MarginMode getMarginMode() {
        return marginMode;
    }

    public void setMarginMode(MarginMode marginMode) {
        this.marginMode = marginMode;
    }

    public BigDecimal getTargetQty() {
        return targetQty;
    }

    /** Sets the sizing target; the caps then shrink {@link #getQty()} from it. */
    public void setTarget(BigDecimal target) {
        this.targetQty = Decimals.nonNegative(target);
        this.qty = this.targetQty;
        derive();
    }

    public BigDecimal getQty() {
        return qty;
    }

    public boolean isRounded() {
        return rounded;
    }

    public void roundTo(BigDecimal roundedQty) {
        this.qty = Decimals.min(qty, roundedQty);
        this.rounded = true;
        derive();
    }

    /** The last cap that shrank the copy, or null. */
    public ReasonCode getShrunkBy() {
        return shrunkBy;
    }

    /** Caps only ever shrink a copy: a larger or equal {@code capped} leaves it as it is. */
    public void shrinkTo(BigDecimal capped, ReasonCode cap) {
        BigDecimal bounded = Decimals.nonNegative(capped);
        if (bounded.compareTo(qty) < 0) {
            qty = bounded;
            shrunkBy = cap;
            setReason(cap);
            derive();
        }
    }

    /** Adverse slippage of the execution price against the expert's price (negative when favourable). */
    public BigDecimal getSlippage() {
        return slippage;
    }

    /** Notional of the current quantity at the execution price. */
    public BigDecimal getNotional() {
        deriveIfStale();
        return notional;
    }

    public boolean isTokenChecked() {
        return tokenChecked;
    }

    public void setTokenChecked(boolean tokenChecked) {
        this.tokenChecked = tokenChecked;
    }

    /** Set once the copy made its {@link TokenClaim} on the fill's budget. */
    public boolean isTokenClaimed() {
        return tokenClaimed;
    }

    public void setTokenClaimed(boolean tokenClaimed) {
        this.tokenClaimed = tokenClaimed;
    }

    public String getFollowerId() {
        return followerId;
    }

    /** Initial margin of the current quantity at the execution price and chosen leverage. */
    public BigDecimal getMargin() {
        deriveIfStale();
        return margin;
    }

    /** Taker fee on the current quantity at the execution price. */
    public BigDecimal getFee() {
        deriveIfStale();
        return fee;
    }
}
