package com.copyguard.core.engine;

import com.copyguard.core.model.MarginMode;
import com.copyguard.core.model.Side;
import com.copyguard.core.ledger.Account;
import com.copyguard.core.ledger.Ledger;
import com.copyguard.core.ledger.MarketPrices;
import com.copyguard.core.ledger.Position;
import com.copyguard.core.rules.facts.AccountRisk;
import com.copyguard.core.rules.facts.LossLimitCheck;
import com.copyguard.core.rules.facts.SubscriptionRisk;
import com.copyguard.core.rules.facts.TriggerPrices;
import java.math.BigDecimal;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Tells an account's risk facts how their figures move with the price, so that the rules can state
 * where their triggers fire: equity (guardian, drawdown), cross equity and maintenance margin
 * (cross liquidation) and a subscription's loss (loss limits) are each linear in the mark of a
 * symbol when all the positions behind them are on that one symbol. When they are on several
 * symbols the figure moves with each, so the facts say "no single symbol" and the rules answer
 * "on every move": such an account is evaluated on every tick of its symbols (a per-symbol bound
 * would go stale whenever another symbol's price moved, and refreshing it there would cost what
 * the index saves). Per-position triggers need none of this: they depend on their own symbol only.
 */
final class PriceExposure {
    private final Ledger ledger;

    PriceExposure(Ledger ledger) {
        this.ledger = ledger;
    }

    /** Figures of one set of positions: the one symbol they are on (null: none or several) and the signed quantity. */
    private static final class Exposure {
        String symbol;
        boolean several;
        BigDecimal signedQty = BigDecimal.ZERO;
        BigDecimal maintenancePerPrice = BigDecimal.ZERO;

        void add(Position p, BigDecimal maintenanceMarginRate) {
            if (symbol == null && !several) {
                symbol = p.symbol();
            } else if (!p.symbol().equals(symbol)) {
                several = true;
                symbol = null;
            }
            signedQty = p.side() == Side.LONG ? signedQty.add(p.qty()) : signedQty.subtract(p.qty());
            if (maintenanceMarginRate != null) {
                maintenancePerPrice = maintenancePerPrice.add(p.qty().multiply(maintenanceMarginRate));
            }
        }
    }

    /** Sets the price exposure of the account-level facts in {@code group} (the account's facts). */
    void describe(Account a, List<Object> group) {
        Exposure all = new Exposure();
        Exposure cross = new Exposure();
        Map<String, Exposure> bySubscription = new HashMap<>(4);
        for (Position p : a.positions()) {
            all.add(p, null);
            if (p.marginMode() == MarginMode.CROSS) {
                cross.add(p, ledger.instrument(p.symbol()).getMaintenanceMarginRate());
            }
            bySubscription.computeIfAbsent(p.key().subscriptionId(), k -> new Exposure()).add(p, null);
        }
        for (Object fact : group) {
            if (fact instanceof AccountRisk r) {
                r.priceExposure(where(cross), cross.signedQty, cross.maintenancePerPrice);
            } else if (fact instanceof SubscriptionRisk s) {
                s.priceExposure(where(all), all.signedQty);
            } else if (fact instanceof LossLimitCheck l) {
                Exposure e = bySubscription.getOrDefault(l.getSubscriptionId(), new Exposure());
                l.priceExposure(where(e), e.signedQty.negate());
            }
        }
    }

    /** No positions: no price moves the figure; several symbols: no single line; else the symbol and its mark (null if unpriced). */
    private TriggerPrices where(Exposure e) {
        if (e.several) {
            return new TriggerPrices(null, null);
        }
        if (e.symbol == null) {
            return TriggerPrices.priceFree();
        }
        MarketPrices.Mark m = ledger.prices().get(e.symbol);
        return new TriggerPrices(e.symbol, m == null ? null : m.price());
    }
}
