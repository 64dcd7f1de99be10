package com.copyguard.engine;

import com.copyguard.command.ActivateRules;
import com.copyguard.command.AdvanceClock;
import com.copyguard.refusal.InputRefused;
import com.copyguard.command.ChangePositionMargin;
import com.copyguard.command.ClosePosition;
import com.copyguard.command.ExpertMarginChange;
import com.copyguard.command.PauseSubscription;
import com.copyguard.command.ResumeSubscription;
import com.copyguard.command.Command;
import com.copyguard.command.Deposit;
import com.copyguard.command.ExpertEquityReport;
import com.copyguard.command.ExpertFill;
import com.copyguard.command.Follow;
import com.copyguard.command.PatchSettings;
import com.copyguard.command.PriceTick;
import com.copyguard.command.PutExpert;
import com.copyguard.command.PutInstrument;
import com.copyguard.command.StopFollowing;
import com.copyguard.command.Withdraw;
import com.copyguard.ledger.Ledger;
import com.copyguard.rules.ActiveRules;
import com.copyguard.screening.ExpertScreening;

/**
 * The deterministic state machine: applies one command at a time to the ledger. Not thread-safe;
 * only the single writer calls it. Same commands in the same order give the same state.
 */
public final class Engine {
    private final Ledger ledger = new Ledger();
    private final DecisionLog decisions = new DecisionLog();
    private final RiskLog riskLog = new RiskLog();
    private final Idempotency idempotency = new Idempotency();
    private final ProfitShare profitShare = new ProfitShare(ledger);
    private final LedgerViews views = new LedgerViews(ledger, profitShare);
    private final ActiveRules rules;
    private final ExpertScreening screening = new ExpertScreening();
    private final RulesProcessor ruleActivation;
    private final EngineEvents events;
    private final ReferenceDataProcessor referenceData;
    private final FollowProcessor follows;
    private final AccountProcessor accounts;
    private final MarketProcessor market;
    private final FillProcessor fills;
    private final StopProcessor stops;
    private final DailyChecks dailyChecks;
    private final PauseProcessor pauses;
    private final MarginProcessor margins;
    private final LossLimits lossLimits;
    /** Derived from the ledger and the rules (rebuilt when either is replaced), never state. */
    private final transient RiskIndex riskIndex;

    public Engine(ActiveRules rules) {
        this(rules, EngineEvents.NONE);
    }

    public Engine(ActiveRules rules, EngineEvents events) {
        this.rules = rules;
        this.events = events;
        ledger.listen(events);
        SubscriptionLifecycle lifecycle = new SubscriptionLifecycle(ledger, profitShare, riskLog, events);
        this.riskIndex = new RiskIndex(ledger, events);
        RiskProcessor risk = new RiskProcessor(ledger, rules, lifecycle, events, riskIndex);
        CopyExecutor executor = new CopyExecutor(ledger, decisions, rules);
        this.referenceData = new ReferenceDataProcessor(ledger, views);
        this.follows = new FollowProcessor(ledger, views, rules, executor);
        this.accounts = new AccountProcessor(ledger, views, idempotency, rules, profitShare, risk, events);
        this.market = new MarketProcessor(ledger, risk);
        this.fills = new FillProcessor(ledger, rules, idempotency, executor, risk, lifecycle, events);
        this.stops = new StopProcessor(ledger, views, rules, lifecycle);
        this.dailyChecks = new DailyChecks(ledger, rules, profitShare, events);
        this.ruleActivation = new RulesProcessor(rules, events);
        this.pauses = new PauseProcessor(ledger, views, follows);
        this.margins = new MarginProcessor(ledger, views, rules, lifecycle, idempotency);
        this.lossLimits = new LossLimits(ledger);
    }

    /**
     * Applies {@code c} atomically: the whole effect or none of it. Its event time is checked first
     * ({@link EventTimeBounds}); daily checks whose boundary it crosses run next, then the input
     * itself. If the input is refused (an {@link InputRefused}, a failing rule, any error) or
     * changes nothing, everything is put back as it was, the daily checks and their boundary
     * included, so a refused input is never journaled and live state always equals replayed state.
     */
    public Reply apply(Command c) {
        return apply(c, null);
    }

    /** Applies {@code c} as sent by {@code sender} (null: unknown), which records it where people ask who did what. */
    public Reply apply(Command c, com.copyguard.command.Sender sender) {
        ledger.sentBy(sender);
        try {
            return applyNow(c);
        } finally {
            ledger.sentBy(null);
        }
    }

    private Reply applyNow(Command c) {
        Long time = c.eventTime();
        if (time != null) {
            EventTimeBounds.check(time, ledger.clock());
        }
        Long lastCheck = ledger.lastDailyCheck();
        // encoding the ledger costs O(ledger), so it is taken only when daily checks will move money
        // or restart loss-limit periods
        Checkpoint checkpoint = time != null && (dailyChecks.wouldMoveMoney(time)
                || dailyChecks.crosses(time) && lossLimits.anyLimited()) ? Checkpoint.of(ledger) : null;
        Reply reply;
        try {
            if (time != null && dailyChecks.runDue(time)) {
                // a new UTC+8 day (and maybe week or month): loss-limit periods start from the figures now
                lossLimits.roll(Math.max(ledger.clock(), time));
                // the daily check is also when the risk index's safety net sweeps every position
                riskIndex.sweepNextTick();
            }
            reply = dispatch(c);
        } catch (RuntimeException e) {
            rollBack(checkpoint, lastCheck);
            throw e;
        }
        if (!reply.changed()) {
            rollBack(checkpoint, lastCheck);
            return reply;
        }
        if (time != null) {
            ledger.advanceClock(time);
        }
        // expert screening keeps each expert's equity history from the inputs that were applied
        screening.observe(c, ledger);
        return reply;
    }

    private void rollBack(Checkpoint checkpoint, Long lastCheck) {
        if (checkpoint != null) {
            checkpoint.restore(ledger);
            riskIndex.forgetAll();
        } else {
            ledger.restoreDailyCheck(lastCheck);
        }
    }

    private Reply dispatch(Command c) {
        if (c instanceof ExpertFill f) {
            return fills.apply(f);
        } else if (c instanceof PriceTick p) {
            return market.prices(p);
        } else if (c instanceof Deposit d) {
            return accounts.deposit(d);
        } else if (c instanceof Withdraw w) {
            return accounts.withdraw(w);
        } else if (c instanceof Follow f) {
            screening.checkFollow(f, ledger, rules.get());
            return follows.follow(f);
        } else if (c instanceof PatchSettings p) {
            return follows.patchSettings(p);
        } else if (c instanceof StopFollowing s) {
            return stops.stop(s);
        } else if (c instanceof ClosePosition p) {
            return stops.closePosition(p);
        } else if (c instanceof AdvanceClock a) {
            return market.clock(a);
        } else if (c instanceof PutInstrument i) {
            return referenceData.putInstrument(i);
        } else if (c instanceof PutExpert e) {
            return referenceData.putExpert(e);
        } else if (c instanceof ExpertEquityReport r) {
            return screening.report(r, ledger);
        } else if (c instanceof ActivateRules a) {
            return ruleActivation.activate(a);
        } else if (c instanceof PauseSubscription p) {
            return pauses.pause(p);
        } else if (c instanceof ResumeSubscription r) {
            return pauses.resume(r);
        } else if (c instanceof ChangePositionMargin m) {
            return margins.positionMargin(m);
        } else if (c instanceof ExpertMarginChange m) {
            return margins.expertMargin(m);
        }
        throw new IllegalArgumentException("unhandled command " + c.getClass().getSimpleName());
    }

    public Ledger ledger() {
        return ledger;
    }

    public DecisionLog decisions() {
        return decisions;
    }

    public RiskLog riskLog() {
        return riskLog;
    }

    public ProfitShare profitShare() {
        return profitShare;
    }

    public LedgerViews views() {
        return views;
    }

    public ExpertScreening screening() {
        return screening;
    }

    public EngineEvents events() {
        return events;
    }

    /** The latest rule set activation and who proposed and approved it (null before the first). */
    public RulesProcessor.Activation lastActivation() {
        return ruleActivation.last();
    }

    public ActiveRules rules() {
        return rules;
    }

    /**
     * How often a price tick runs the full risk scan instead of the index (every {@code ticks} ticks;
     * 1 = always, as a rule set without trigger prices does): the safety net that must find nothing.
     */
    public void sweepRiskEvery(int ticks) {
        riskIndex.sweepEvery(ticks);
    }

    /** What the risk index evaluated on ticks, against what full scans would have (tests, benchmarks). */
    RiskIndex.Stats riskIndexStats() {
        return riskIndex.stats();
    }

    /** Accounts the full sweeps found that the risk index would have skipped (must stay 0). */
    public long riskIndexMissed() {
        return riskIndex.missed();
    }
}
