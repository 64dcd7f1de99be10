package com.copyguard.core.engine;

import com.copyguard.core.command.ActivateRules;
import com.copyguard.core.command.AdvanceClock;
import com.copyguard.core.refusal.InputRefused;
import com.copyguard.core.command.ChangePositionMargin;
import com.copyguard.core.command.ClosePosition;
import com.copyguard.core.command.ExpertMarginChange;
import com.copyguard.core.command.PauseSubscription;
import com.copyguard.core.command.ResumeSubscription;
import com.copyguard.core.command.Command;
import com.copyguard.core.command.Deposit;
import com.copyguard.core.command.ExpertEquityReport;
import com.copyguard.core.command.ExpertFill;
import com.copyguard.core.command.Follow;
import com.copyguard.core.command.PatchSettings;
import com.copyguard.core.command.PriceTick;
import com.copyguard.core.command.PutExpert;
import com.copyguard.core.command.PutInstrument;
import com.copyguard.core.command.StopFollowing;
import com.copyguard.core.command.Withdraw;
import com.copyguard.core.ledger.Ledger;
import com.copyguard.core.rules.ActiveRules;
import java.util.ArrayList;
import java.math.BigDecimal;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The deterministic state machine: applies one command at a time to the ledger. Not thread-safe;
 * only the single writer calls it. Same commands in the same order give the same state.
 */
public final class Engine {
    private static final Logger LOG = LoggerFactory.getLogger(Engine.class);
    private final Ledger ledger = new Ledger();
    private final DecisionLog decisions = new DecisionLog();
    private final RiskLog riskLog = new RiskLog();
    private final Idempotency idempotency;
    private final ProfitShare profitShare = new ProfitShare(ledger);
    private final LedgerViews views = new LedgerViews(ledger, profitShare);
    private final ActiveRules rules;
    private final ScreeningPort screening;
    /** Wiring, not state: each listener's state (screening's histories) is reached through its own field. */
    private final transient List<AppliedCommandListener> listeners;
    private final RulesProcessor ruleActivation;
    private final EngineEvents events;
    private final ReferenceDataProcessor referenceData;
    private final FollowProcessor follows;
    private final AccountProcessor accounts;
    private final MarketProcessor market;
    private final FillProcessor fills;
    private final CopyExecutor executor;
    private final StopProcessor stops;
    private final DailyChecks dailyChecks;
    private final PauseProcessor pauses;
    private final MarginProcessor margins;
    private final LossLimits lossLimits;
    /** Derived from the ledger and the rules (rebuilt when either is replaced), never state. */
    private final transient RiskIndex riskIndex;

    /**
     * @param answers   how first answers to client-identified inputs are kept (bytes, see {@link Idempotency})
     * @param screening expert screening, the first listener of applied inputs
     * @param others    further listeners, told in this order after screening
     */
    public Engine(ActiveRules rules, EngineEvents events, AnswerCodec answers, ScreeningPort screening,
                  AppliedCommandListener... others) {
        this.rules = rules;
        this.idempotency = new Idempotency(answers);
        this.events = events;
        this.screening = screening;
        List<AppliedCommandListener> all = new ArrayList<>(1 + others.length);
        all.add(screening);
        all.addAll(List.of(others));
        this.listeners = List.copyOf(all);
        ledger.listen(events);
        SubscriptionLifecycle lifecycle = new SubscriptionLifecycle(ledger, profitShare, riskLog, events);
        this.riskIndex = new RiskIndex(ledger, events);
        RiskProcessor risk = new RiskProcessor(ledger, rules, lifecycle, events, riskIndex);
        this.executor = new CopyExecutor(ledger, decisions, rules);
        this.referenceData = new ReferenceDataProcessor(ledger, views);
        this.follows = new FollowProcessor(ledger, views, rules, executor);
        this.accounts = new AccountProcessor(ledger, views, idempotency, rules, profitShare, risk, events);
        this.market = new MarketProcessor(ledger, risk, riskLog);
        this.fills = new FillProcessor(ledger, rules, idempotency, executor, risk, lifecycle, events, decisions,
                riskLog);
        this.stops = new StopProcessor(ledger, views, rules, lifecycle);
        this.dailyChecks = new DailyChecks(ledger, rules, profitShare, events);
        this.ruleActivation = new RulesProcessor(rules, events);
        this.pauses = new PauseProcessor(ledger, views, follows);
        this.margins = new MarginProcessor(ledger, views, rules, lifecycle, idempotency, riskLog);
        this.lossLimits = new LossLimits(ledger);
    }

    /**
     * Applies {@code c} atomically: the whole effect or none of it. Its event time is checked first
     * ({@link EventTimeBounds}); daily checks whose boundary it crosses run next, then the input
     * itself. If the input is refused (an {@link InputRefused}, a failing rule, any error) or
     * changes nothing, everything is put back as it was, the daily checks and their boundary
     * included, so a refused input is never journaled and live state always equals replayed state.
     */
    public Result apply(Command c) {
        return apply(c, null);
    }

    /** Applies {@code c} as sent by {@code sender} (null: unknown), which records it where people ask who did what. */
    public Result apply(Command c, com.copyguard.core.command.Sender sender) {
        ledger.sentBy(sender);
        try {
            return applyNow(c);
        } finally {
            ledger.sentBy(null);
        }
    }

    private Result applyNow(Command c) {
        Long time = c.eventTime();
        if (time != null) {
            EventTimeBounds.check(time, ledger.clock());
        }
        Long lastCheck = ledger.lastDailyCheck();
        Checkpoint checkpoint = checkpointBefore(time);
        Result result;
        try {
            if (runDailyChecksDue(time)) {
                // the daily check is also when the risk index's safety net sweeps every position
                riskIndex.sweepNextTick();
            }
            result = dispatch(c);
        } catch (RuntimeException e) {
            rollBack(checkpoint, lastCheck);
            throw e;
        }
        if (!result.changed()) {
            rollBack(checkpoint, lastCheck);
            return result;
        }
        if (time != null) {
            ledger.advanceClock(time);
        }
        publish(new AppliedCommand(c, ledger.clock(), ledger.prices()));
        return result;
    }

    /**
     * A copy of the ledger to roll back to, taken only when the daily checks due at {@code time} will
     * move money or restart loss-limit periods: encoding the ledger costs O(ledger).
     */
    private Checkpoint checkpointBefore(Long time) {
        return time != null && (dailyChecks.wouldMoveMoney(time)
                || dailyChecks.crosses(time) && lossLimits.anyLimited()) ? Checkpoint.of(ledger) : null;
    }

    /** Runs the daily checks due before an input at {@code time}; true if any ran. */
    private boolean runDailyChecksDue(Long time) {
        if (time != null && dailyChecks.runDue(time)) {
            // a new UTC+8 day (and maybe week or month): loss-limit periods start from the figures now
            lossLimits.roll(Math.max(ledger.clock(), time));
            return true;
        }
        return false;
    }

    /**
     * The claims this engine's copies of opening fill {@code f} would make on its token budget, with
     * this ledger's following notional, as {@link #apply} would find them (after the daily checks due
     * at its time), changing nothing: what a cluster shard tells the others before any of them
     * decides the fill ({@link OtherShards}). {@link TokenShare#NONE} when the fill would copy
     * nothing under a budget here.
     */
    public TokenShare tokenShare(ExpertFill f) {
        return asIfAppliedAt(f.time(), () -> fills.tokenShare(f), TokenShare.NONE);
    }

    /**
     * {@code read} of the state an input at {@code time} would be applied to (after the daily checks
     * due by then), changing nothing; {@code refused} when such an input would be refused for its time.
     */
    public <T> T asIfAppliedAt(long time, java.util.function.Supplier<T> read, T refused) {
        try {
            EventTimeBounds.check(time, ledger.clock());
        } catch (RuntimeException e) {
            return refused;
        }
        Long lastCheck = ledger.lastDailyCheck();
        Checkpoint checkpoint = checkpointBefore(time);
        try {
            runDailyChecksDue(time);
            return read.get();
        } finally {
            rollBack(checkpoint, lastCheck);
        }
    }

    /**
     * The notional at mark of the positions this engine's followers of {@code expertId} hold on
     * {@code symbol} (what its token budget counts as used here); zero for an unknown expert.
     */
    public BigDecimal followingNotional(String expertId, String symbol) {
        com.copyguard.core.ledger.Expert expert = ledger.expert(expertId);
        return expert == null ? BigDecimal.ZERO : executor.followingNotional(expert, symbol);
    }

    /**
     * What the other shards hold, for the inputs applied until the next call ({@link OtherShards#NONE}:
     * none, as on a single node). A cluster shard sets it around one input and resets it after.
     */
    public void otherShards(OtherShards others) {
        executor.otherShards(others);
    }

    /** The input is applied and stays applied: a listener's defect is logged, never turned into a refusal. */
    private void publish(AppliedCommand applied) {
        for (AppliedCommandListener l : listeners) {
            try {
                l.applied(applied);
            } catch (RuntimeException e) {
                LOG.error("{\"event\":\"listener_failed\",\"listener\":\"{}\",\"input\":\"{}\"}",
                        l.getClass().getSimpleName(), applied.command().getClass().getSimpleName(), e);
            }
        }
    }

    private void rollBack(Checkpoint checkpoint, Long lastCheck) {
        if (checkpoint != null) {
            checkpoint.restore(ledger);
            riskIndex.forgetAll();
        } else {
            ledger.restoreDailyCheck(lastCheck);
        }
    }

    private Result dispatch(Command c) {
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
            return screening.reportEquity(r, ledger);
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

    /** The whole state as immutable values (O(state)); call on the writer thread. */
    public EngineState state() {
        return new EngineState(ledger.state(), decisions.state(), riskLog.state(), idempotency.state(),
                screening.state(), ruleActivation.last());
    }

    /** Replaces the whole state by {@code state}, in place; normally on a freshly built engine, before any input. */
    public void restore(EngineState state) {
        ledger.restore(state.ledger());
        decisions.restore(state.decisions());
        riskLog.restore(state.risks());
        idempotency.restore(state.idempotency());
        screening.restore(state.screening());
        ruleActivation.restore(state.lastActivation());
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

    /** The listener of type {@code type} this engine was built with (e.g. expert screening, to query it). */
    public <T extends AppliedCommandListener> T listener(Class<T> type) {
        for (AppliedCommandListener l : listeners) {
            if (type.isInstance(l)) {
                return type.cast(l);
            }
        }
        throw new IllegalStateException("this engine was built without a " + type.getSimpleName());
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

    /** Price ticks between two full risk scans unless configured otherwise ({@code --risk-sweep-every}). */
    public static final int DEFAULT_RISK_SWEEP_EVERY = RiskIndex.DEFAULT_SWEEP_EVERY;
    /** The longest sweep interval an operator may set: the safety net must still run (about daily at 10 ticks/s). */
    public static final int MAX_RISK_SWEEP_EVERY = 1_000_000;

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

    /**
     * Accounts price ticks have put through the risk rules since this engine started: the risk
     * index's selections, every holder on a full scan. Scenarios pin it ("a tick that crosses no
     * trigger checks nobody"), so a trigger price declared too wide fails a test.
     */
    public long accountsRiskCheckedOnTicks() {
        return riskIndex.stats().evaluated();
    }

    /** Accounts the full sweeps found that the risk index would have skipped (must stay 0). */
    public long riskIndexMissed() {
        return riskIndex.missed();
    }
}
