package com.copyguard.core.engine;

import com.copyguard.core.model.LossLimit;
import com.copyguard.core.model.LossPeriod;
import com.copyguard.core.model.SubscriptionStatus;
import com.copyguard.core.ledger.Account;
import com.copyguard.core.ledger.Ledger;
import com.copyguard.core.ledger.LossPeriodMark;
import com.copyguard.core.ledger.Position;
import com.copyguard.core.ledger.Subscription;
import com.copyguard.core.rules.facts.LossLimitCheck;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/**
 * The figures behind loss limits: each limit's period start (UTC+8 day, week from Monday, month),
 * the subscription's PnL mark and its account's equity when the period began, and the loss since.
 * The rules decide; this class only measures and keeps the period bookkeeping.
 *
 * <p>A period begins at a 00:00 UTC+8 boundary, and between two inputs nothing changes, so the
 * figures taken by the first input past a boundary (before it changes anything) are the figures at
 * the boundary. That input is journaled even if refused (as for the daily checks), so replay takes
 * the same figures.
 */
final class LossLimits {
    private final Ledger ledger;

    LossLimits(Ledger ledger) {
        this.ledger = ledger;
    }

    /** Net realized PnL (fees included) plus the unrealized PnL of the subscription's open positions. */
    BigDecimal pnlMark(Subscription s) {
        BigDecimal mark = s.netRealizedPnl();
        for (Position p : ledger.account(s.accountId()).positions()) {
            if (p.key().subscriptionId().equals(s.subscriptionId())) {
                mark = mark.add(ledger.valuation().unrealizedPnl(p));
            }
        }
        return mark;
    }

    /**
     * Brings the subscription's periods up to {@code time}: a limit whose period changed (or that is
     * new) starts from the figures now; periods of limits that were removed are forgotten.
     */
    void bringUpToDate(Subscription s, long time) {
        Set<LossPeriod> limited = EnumSet.noneOf(LossPeriod.class);
        for (LossLimit limit : s.settings().getLossLimits()) {
            limited.add(limit.getPeriod());
            long start = limit.getPeriod().startOf(time);
            LossPeriodMark mark = s.lossPeriod(limit.getPeriod());
            if (mark == null || mark.start() != start) {
                ledger.beginLossPeriod(s, limit.getPeriod(), start, pnlMark(s),
                        ledger.valuation().equity(ledger.account(s.accountId())));
            }
        }
        for (LossPeriod p : LossPeriod.values()) {
            if (!limited.contains(p) && s.lossPeriod(p) != null) {
                ledger.dropLossPeriod(s, p);
            }
        }
    }

    /** At a 00:00 UTC+8 boundary: every subscription with loss limits enters the periods holding {@code time}. */
    /** True when some subscription that has not stopped has a loss limit (so a new day restarts periods). */
    boolean anyLimited() {
        for (Subscription s : ledger.subscriptions()) {
            if (s.status() != SubscriptionStatus.STOPPED && !s.settings().getLossLimits().isEmpty()) {
                return true;
            }
        }
        return false;
    }

    void roll(long time) {
        for (Subscription s : ledger.subscriptions()) {
            if (s.status() != SubscriptionStatus.STOPPED && !s.settings().getLossLimits().isEmpty()) {
                bringUpToDate(s, time);
            }
        }
    }

    /** One fact per limit of the subscription in its current period (empty without limits). */
    List<LossLimitCheck> checks(Subscription s) {
        List<LossLimit> limits = s.settings().getLossLimits();
        if (limits.isEmpty()) {
            return List.of();
        }
        BigDecimal now = pnlMark(s);
        Account a = ledger.account(s.accountId());
        List<LossLimitCheck> out = new ArrayList<>(limits.size());
        for (LossLimit limit : limits) {
            LossPeriodMark mark = s.lossPeriod(limit.getPeriod());
            if (mark != null) {
                out.add(new LossLimitCheck(s.subscriptionId(), limit.getPeriod(), mark.start(), mark.end(),
                        mark.startPnl().subtract(now), mark.startEquity(), limit.getMaxLoss(), limit.getMaxLossRatio(),
                        limit.isClosePositions(), mark.reached(), a.hasPositions(s.subscriptionId())));
            }
        }
        return out;
    }
}
