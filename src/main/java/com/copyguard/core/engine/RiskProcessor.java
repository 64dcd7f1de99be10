package com.copyguard.core.engine;

import com.copyguard.core.model.MarginMode;
import com.copyguard.core.model.ReasonCode;
import com.copyguard.core.model.SubscriptionStatus;
import com.copyguard.core.ledger.Account;
import com.copyguard.core.ledger.Ledger;
import com.copyguard.core.ledger.Position;
import com.copyguard.core.ledger.Subscription;
import com.copyguard.core.ledger.Valuation;
import com.copyguard.core.rules.ActiveRules;
import com.copyguard.core.rules.RuleEvaluator;
import com.copyguard.core.refusal.RuleFailure;
import com.copyguard.core.rules.RuleSet;
import com.copyguard.core.rules.facts.AccountRisk;
import com.copyguard.core.rules.facts.LossLimitCheck;
import com.copyguard.core.rules.facts.PositionRisk;
import com.copyguard.core.rules.facts.SubscriptionRisk;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

/**
 * Runs the risk rules (stops, guardian, liquidation) over accounts whose equity may have changed and
 * applies what they decide. Facts are inserted where there is something to check: a PositionRisk
 * for every open position, an AccountRisk for accounts holding cross positions, a SubscriptionRisk
 * for subscriptions with a guardian setting. It applies them most severe first: cross liquidation, isolated liquidation, guardian
 * stops, then stop loss and take profit on whatever is still open.
 */
final class RiskProcessor {
    private final Ledger ledger;
    private final ActiveRules rules;
    private final SubscriptionLifecycle lifecycle;
    private final EngineEvents events;
    private final LossLimits lossLimits;
    /** Derived from the ledger and the rules, never state (so never snapshotted). */
    private final transient RiskIndex index;
    private final transient PriceExposure exposure;

    RiskProcessor(Ledger ledger, ActiveRules rules, SubscriptionLifecycle lifecycle, EngineEvents events,
                  RiskIndex index) {
        this.lossLimits = new LossLimits(ledger);
        this.index = index;
        this.exposure = new PriceExposure(ledger);
        this.ledger = ledger;
        this.rules = rules;
        this.lifecycle = lifecycle;
        this.events = events;
    }

    /**
     * The accounts a price move ({@code tick}) or a fill on {@code symbols} must check: with a rule
     * set that declares trigger prices, those the risk index selects; otherwise every holder.
     */
    RiskIndex.Selection accountsToCheck(Collection<String> symbols, boolean tick) {
        return index.select(rules.get(), symbols, tick);
    }

    /** Evaluates and applies the risk rules for the selected accounts; returns the actions taken. */
    List<RiskActionRecord> evaluate(RiskIndex.Selection selection, long time, String ref) {
        return evaluate(selection.accounts(), selection, time, ref);
    }

    /** Evaluates and applies the risk rules for {@code accounts}; returns the actions taken. */
    List<RiskActionRecord> evaluate(Collection<Account> accounts, long time, String ref) {
        return evaluate(accounts, null, time, ref);
    }

    private List<RiskActionRecord> evaluate(Collection<Account> accounts, RiskIndex.Selection selection, long time,
                                            String ref) {
        RuleSet ruleSet = rules.get();
        List<Account> all = accounts instanceof List<Account> l ? l : List.copyOf(accounts);
        Actionable found = new Actionable();
        try {
            for (int from = 0; from < all.size(); from += CHUNK) {
                check(all.subList(from, Math.min(all.size(), from + CHUNK)), selection, ruleSet, found);
            }
        } catch (RuleFailure e) {
            // the input that triggered this check has already been applied; refusing it now would
            // leave state changed behind an error, so the failure is reported and nothing is closed
            events.ruleFailure(e.errorCode(), e.getMessage());
            return List.of();
        }
        return apply(found.positions, found.crossAccounts, found.guardians, found.limits, ruleSet, time, ref);
    }

    /**
     * Accounts checked per rule session. A full sweep over 1,000,000 accounts in one go held every
     * account's facts and the sessions' working memory at once (gigabytes): the concurrent collector
     * could not keep up and the writer waited seconds for memory. Accounts are independent, so
     * checking them a slice at a time (4,096, still split across cores) decides the same; only the facts that call for an action are
     * kept, in account order, and applied once every slice is decided (so the order of actions does
     * not depend on the slicing).
     */
    static final int CHUNK = 4_096;

    /** The facts whose rules asked for an action, in account order, across slices. */
    private static final class Actionable {
        final List<PositionRisk> positions = new ArrayList<>();
        final List<AccountRisk> crossAccounts = new ArrayList<>();
        final List<SubscriptionRisk> guardians = new ArrayList<>();
        final List<LossLimitCheck> limits = new ArrayList<>();
    }

    /** Builds one slice's facts, runs the rules over them, records their trigger prices and keeps what acts. */
    private void check(List<Account> accounts, RiskIndex.Selection selection, RuleSet ruleSet, Actionable found) {
        Valuation v = ledger.valuation();
        // how the figures move with the price is read only by rules that declare trigger prices
        boolean triggers = index.declares(ruleSet);
        List<PositionRisk> positions = new ArrayList<>();
        List<AccountRisk> crossAccounts = new ArrayList<>();
        List<SubscriptionRisk> guardians = new ArrayList<>();
        List<LossLimitCheck> limits = new ArrayList<>();
        List<List<Object>> groups = new ArrayList<>(accounts.size());
        for (Account a : accounts) {
            List<Object> group = new ArrayList<>(4);
            groups.add(group);
            BigDecimal crossEquity = a.balance();
            BigDecimal crossMaintenance = BigDecimal.ZERO;
            int cross = 0;
            for (Position p : a.positions()) {
                BigDecimal mark = v.mark(p);
                Subscription s = ledger.subscription(p.key().subscriptionId());
                BigDecimal mmr = ledger.instrument(p.symbol()).getMaintenanceMarginRate();
                PositionRisk risk = new PositionRisk(s.subscriptionId(), p.symbol(), p.side(), p.qty(), p.entryPrice(),
                        mark, p.margin(), p.marginMode(), mmr, s.settings());
                positions.add(risk);
                group.add(risk);
                if (p.marginMode() == MarginMode.CROSS) {
                    crossEquity = crossEquity.add(risk.getUnrealizedPnl());
                    crossMaintenance = crossMaintenance.add(risk.getMaintenanceMargin());
                    cross++;
                } else {
                    crossEquity = crossEquity.subtract(p.margin());
                }
            }
            if (cross > 0) {
                AccountRisk accountRisk = new AccountRisk(a.accountId(), crossEquity, crossMaintenance, cross);
                crossAccounts.add(accountRisk);
                group.add(accountRisk);
            }
            BigDecimal equity = v.equity(a);
            for (String id : a.subscriptionIds()) {
                Subscription s = ledger.subscription(id);
                if (s.status() == SubscriptionStatus.STOPPED) {
                    continue;
                }
                if (s.settings().getGuardian().isSet()) {
                    // the trailing-drawdown peak is the highest equity the risk checks have seen
                    ledger.observeEquity(s, equity);
                    SubscriptionRisk guardian = new SubscriptionRisk(id, a.netInvested(), equity, s.settings().getGuardian(),
                            s.peakEquity());
                    guardians.add(guardian);
                    group.add(guardian);
                }
                for (LossLimitCheck check : lossLimits.checks(s)) {
                    limits.add(check);
                    group.add(check);
                }
            }
            if (triggers) {
                exposure.describe(a, group);
            }
        }
        RuleEvaluator.evaluateGroups(ruleSet, groups);
        index.record(ruleSet, accounts, groups, selection);
        // apply() acts on exactly these: a liquidation or close reason, a guardian stop, a loss limit reached or closing
        for (PositionRisk p : positions) {
            if (p.getCloseReason() != null) {
                found.positions.add(p);
            }
        }
        for (AccountRisk a : crossAccounts) {
            if (a.getLiquidateReason() != null) {
                found.crossAccounts.add(a);
            }
        }
        for (SubscriptionRisk g : guardians) {
            if (g.getStopReason() != null) {
                found.guardians.add(g);
            }
        }
        for (LossLimitCheck l : limits) {
            if (l.isReachedNow() || l.isClosing()) {
                found.limits.add(l);
            }
        }
    }

    private List<RiskActionRecord> apply(List<PositionRisk> positions, List<AccountRisk> crossAccounts,
                                         List<SubscriptionRisk> guardians, List<LossLimitCheck> limits, RuleSet ruleSet,
                                         long time, String ref) {
        List<RiskActionRecord> taken = new ArrayList<>();
        for (AccountRisk a : crossAccounts) {
            if (a.getLiquidateReason() != null) {
                Account account = ledger.account(a.getAccountId());
                for (Position p : List.copyOf(account.positions())) {
                    if (p.marginMode() == MarginMode.CROSS) {
                        taken.add(lifecycle.closeAtMarket(ledger.subscription(p.key().subscriptionId()), p,
                                RiskActionRecord.LIQUIDATE, a.getLiquidateReason(), ruleSet.version(),
                                a.getFiredRules(), a.getExplanation(), time, ref));
                    }
                }
            }
        }
        for (PositionRisk p : positions) {
            if (p.getCloseReason() == ReasonCode.LIQUIDATION) {
                closeIfOpen(p, RiskActionRecord.LIQUIDATE, ruleSet, time, ref, taken);
            }
        }
        coverLiquidationLosses(taken, time, ref);
        for (SubscriptionRisk g : guardians) {
            Subscription s = ledger.subscription(g.getSubscriptionId());
            if (g.getStopReason() != null && s.status() != SubscriptionStatus.STOPPED) {
                taken.addAll(lifecycle.stopWithMarketClose(s, g.getStopReason(), ruleSet.version(), g.getFiredRules(),
                        g.getExplanation(), time, ref));
            }
        }
        for (LossLimitCheck l : limits) {
            Subscription s = ledger.subscription(l.getSubscriptionId());
            if (l.isReachedNow()) {
                ledger.lossLimitReached(s, l.getPeriod());
            }
            if (l.isClosing() && s.status() != SubscriptionStatus.STOPPED) {
                taken.addAll(lifecycle.closeAll(s, RiskActionRecord.CLOSE, l.getReason(), ruleSet.version(),
                        l.getFiredRules(), l.getExplanation(), time, ref));
            }
        }
        for (PositionRisk p : positions) {
            if (p.getCloseReason() == ReasonCode.STOP_LOSS || p.getCloseReason() == ReasonCode.TAKE_PROFIT) {
                closeIfOpen(p, RiskActionRecord.CLOSE, ruleSet, time, ref, taken);
            }
        }
        for (RiskActionRecord r : List.copyOf(taken)) {
            lifecycle.finishIfDrained(ledger.subscription(r.subscriptionId()), time, ref);
        }
        return taken;
    }

    /**
     * A liquidation never leaves a follower owing money (SPEC.md "Exact money, bounded"): the insurance
     * fund covers what the account is short, and the liquidated subscriptions are interrupted.
     */
    private void coverLiquidationLosses(List<RiskActionRecord> taken, long time, String ref) {
        java.util.Map<String, java.util.List<Subscription>> liquidated = new java.util.LinkedHashMap<>();
        for (RiskActionRecord r : taken) {
            if (RiskActionRecord.LIQUIDATE.equals(r.action())) {
                Subscription s = ledger.subscription(r.subscriptionId());
                liquidated.computeIfAbsent(s.accountId(), k -> new ArrayList<>()).add(s);
            }
        }
        liquidated.forEach((accountId, subscriptions) -> {
            if (ledger.coverLiquidationLoss(ledger.account(accountId), time, ref).signum() > 0) {
                for (Subscription s : subscriptions) {
                    if (s.status() == SubscriptionStatus.ACTIVE) {
                        ledger.setStatus(s, SubscriptionStatus.INTERRUPTED);
                    }
                }
            }
        });
    }

    private void closeIfOpen(PositionRisk p, String action, RuleSet ruleSet, long time, String ref,
                             List<RiskActionRecord> taken) {
        Subscription s = ledger.subscription(p.getSubscriptionId());
        Position position = ledger.account(s.accountId())
                .position(new com.copyguard.core.ledger.PositionKey(s.subscriptionId(), p.getSymbol(), p.getSide()));
        if (position != null && position.isOpen()) {
            taken.add(lifecycle.closeAtMarket(s, position, action, p.getCloseReason(), ruleSet.version(),
                    p.getFiredRules(), p.getExplanation(), time, ref));
        }
    }
}
