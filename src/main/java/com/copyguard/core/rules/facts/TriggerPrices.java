package com.copyguard.core.rules.facts;

import com.copyguard.core.model.Decimals;
import java.math.BigDecimal;

/**
 * Where a risk fact's triggers would fire, as the rule set states it: the marks of one symbol at or
 * below / at or above which some risk rule may act on the fact, or "on every move" when the rules
 * cannot say (the figure depends on several symbols' prices, or it is unknown). Rules tagged
 * {@code @triggerPrice} declare them after the deciding rules have run; the engine keeps the
 * tightest of them in its risk index and re-evaluates the fact only when a price crosses one.
 *
 * <p>Declarations only ever tighten: the highest "at or below" and the lowest "at or above" win, so
 * several rules may declare on the same fact. A rule that declares nothing promises that no price
 * of the symbol makes it fire.
 */
public final class TriggerPrices {
    private final String symbol;
    private final BigDecimal mark;
    private final boolean priceFree;
    private BigDecimal atOrBelow;
    private BigDecimal atOrAbove;
    private String belowTrigger;
    private String aboveTrigger;
    private String everyMoveTrigger;

    /**
     * @param symbol the one symbol whose price moves the fact's figures, or null when several do
     * @param mark   that symbol's current mark (null when it has none yet)
     */
    public TriggerPrices(String symbol, BigDecimal mark) {
        this(symbol, mark, false);
    }

    private TriggerPrices(String symbol, BigDecimal mark, boolean priceFree) {
        this.symbol = symbol;
        this.mark = mark;
        this.priceFree = priceFree;
    }

    /** For a figure no price moves (no positions behind it): only a figure already beyond its limit can fire. */
    public static TriggerPrices priceFree() {
        return new TriggerPrices(null, null, true);
    }

    public String getSymbol() {
        return symbol;
    }

    public BigDecimal getMark() {
        return mark;
    }

    /** {@code trigger} may fire once the mark is at or below {@code price}. */
    public void atOrBelow(String trigger, BigDecimal price) {
        if (symbol == null) {
            onEveryMove(trigger);
        } else if (atOrBelow == null || price.compareTo(atOrBelow) > 0) {
            atOrBelow = price;
            belowTrigger = trigger;
        }
    }

    /** {@code trigger} may fire once the mark is at or above {@code price}. */
    public void atOrAbove(String trigger, BigDecimal price) {
        if (symbol == null) {
            onEveryMove(trigger);
        } else if (atOrAbove == null || price.compareTo(atOrAbove) < 0) {
            atOrAbove = price;
            aboveTrigger = trigger;
        }
    }

    /** {@code trigger} may fire on any price move: the fact is evaluated on every tick of its symbols. */
    public void onEveryMove(String trigger) {
        if (everyMoveTrigger == null) {
            everyMoveTrigger = trigger;
        }
    }

    /**
     * For a figure worth {@code figure} at the current mark that moves by {@code perPrice} for each
     * unit the mark moves: {@code trigger} fires once the figure falls to {@code limit} (or below).
     * The mark where it does is mark + (limit − figure) ÷ perPrice, reached from above when perPrice
     * is positive and from below when it is negative; a figure that does not move with the price
     * never gets there by a price move. Exactly at the limit the trigger price is the mark itself.
     * Already beyond the limit, or moved by several symbols
     * (no single {@code symbol}) or by a symbol without a mark yet: on every move.
     */
    public void whereFigureFalls(String trigger, BigDecimal figure, BigDecimal perPrice, BigDecimal limit) {
        if (figure.compareTo(limit) < 0) {
            onEveryMove(trigger);
            return;
        }
        if (priceFree) {
            return;
        }
        if (symbol == null || mark == null) {
            onEveryMove(trigger);
            return;
        }
        if (perPrice.signum() == 0) {
            return;
        }
        BigDecimal price = mark.add(Decimals.div(limit.subtract(figure), perPrice));
        if (perPrice.signum() > 0) {
            atOrBelow(trigger, price);
        } else {
            atOrAbove(trigger, price);
        }
    }

    /** As {@link #whereFigureFalls}, for a trigger that fires once the figure rises to {@code limit} (or above). */
    public void whereFigureRises(String trigger, BigDecimal figure, BigDecimal perPrice, BigDecimal limit) {
        whereFigureFalls(trigger, figure.negate(), perPrice.negate(), limit.negate());
    }

    /** The highest declared "at or below" price, or null. */
    public BigDecimal getAtOrBelow() {
        return atOrBelow;
    }

    /** The lowest declared "at or above" price, or null. */
    public BigDecimal getAtOrAbove() {
        return atOrAbove;
    }

    public boolean isEveryMove() {
        return everyMoveTrigger != null;
    }

    /** Which triggers the bounds came from (for logs and tests). */
    @Override
    public String toString() {
        return "TriggerPrices[" + symbol + " <=" + atOrBelow + " (" + belowTrigger + ") >=" + atOrAbove + " ("
                + aboveTrigger + ")" + (everyMoveTrigger != null ? " every move (" + everyMoveTrigger + ")" : "") + "]";
    }
}
