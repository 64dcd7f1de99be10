package com.copyguard.observability;

import com.copyguard.core.command.Command;
import com.copyguard.core.command.ExpertFill;
import com.copyguard.core.model.FillStatus;
import com.copyguard.core.model.Outcome;
import com.copyguard.core.model.ReasonCode;
import com.copyguard.core.engine.DecisionRecord;
import com.copyguard.core.engine.EngineEvents;
import com.copyguard.core.engine.Result;
import com.copyguard.core.engine.RiskActionRecord;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.DistributionSummary;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * copyguard's own meters, fed by {@link EngineEvents}. Prometheus names (base units, {@code _total}
 * counters) are documented in dashboards/README.md. Labels are bounded sets only: statuses,
 * outcomes, reason codes, rule names, input types and error codes; never a follower, subscription
 * or expert id, so the series count does not grow with the number of followers.
 *
 * <p>Label combinations that alerts and dashboards select are registered at zero up front, so a
 * query returns 0 rather than nothing before the first occurrence.
 */
public final class EngineMetrics implements EngineEvents {
    static final String NONE = "NONE";

    /** Seconds: from 100 µs (a single follower) to 10 s (a huge fan-out on a stalled disk). */
    private static final Duration[] LATENCY_BUCKETS = seconds(0.0001, 0.00025, 0.0005, 0.001, 0.0025, 0.005, 0.01,
            0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10);
    private static final double[] FOLLOWER_BUCKETS = {1, 2, 5, 10, 20, 50, 100, 200, 500, 1000, 2000, 5000, 10000,
        20000, 50000, 100000};
    private static final double[] BATCH_BUCKETS = {1, 2, 5, 10, 20, 50, 100, 200, 512};

    private final MeterRegistry registry;
    private final Map<FillStatus, Counter> fillsReceived = new EnumMap<>(FillStatus.class);
    private final Map<Outcome, Map<String, Map<String, Counter>>> decisions = new EnumMap<>(Outcome.class);
    private final Map<String, Counter> riskActions = new ConcurrentHashMap<>();
    private final Map<String, Counter> ruleFirings = new ConcurrentHashMap<>();
    private final Map<String, Counter> ruleFailures = new ConcurrentHashMap<>();
    private final Map<String, Counter> inputs = new ConcurrentHashMap<>();
    private final Map<String, Counter> refusals = new ConcurrentHashMap<>();
    private final Counter activationsOk;
    private final Counter activationsFailed;
    private final Counter commitFailures;
    private final Counter freezes;
    private final Counter riskIndexMissed;
    private final Counter riskIndexSweeps;
    private final Timer decisionLatency;
    private final Timer queueWait;
    private final Timer commitLatency;
    private final DistributionSummary followersPerFill;
    private final DistributionSummary batchSize;
    private final AtomicLong lastFillEpochMillis;
    /** Queue wait of the input being applied; written and read on the writer thread only. */
    private long currentQueueWaitNanos;

    public EngineMetrics(MeterRegistry registry, long startEpochMillis) {
        this.registry = registry;
        for (FillStatus s : FillStatus.values()) {
            fillsReceived.put(s, Counter.builder("copyguard.fills.received")
                    .description("Expert fills received, by order status").tag("status", s.name()).register(registry));
        }
        decisions(Outcome.COPIED, NONE, "open");
        decisions(Outcome.REJECTED, ReasonCode.PARTIAL_FILL_NOT_COPIED.name(), "open");
        riskAction(RiskActionRecord.CLOSE, ReasonCode.STOP_LOSS, 0);
        riskAction(RiskActionRecord.CLOSE, ReasonCode.TAKE_PROFIT, 0);
        riskAction(RiskActionRecord.LIQUIDATE, ReasonCode.LIQUIDATION, 0);
        riskAction(RiskActionRecord.STOP, ReasonCode.GUARDIAN_NET_LOSS, 0);
        riskAction(RiskActionRecord.STOP, ReasonCode.GUARDIAN_NET_VALUE, 0);
        riskAction(RiskActionRecord.STOP, ReasonCode.STOP_FOLLOWING, 0);
        ruleFailure("RULE_FAILED", 0);
        ruleFailure("RULE_RUNAWAY", 0);
        activationsOk = activations("success");
        activationsFailed = activations("failure");
        commitFailures = Counter.builder("copyguard.journal.commit.failures")
                .description("Journal commits that failed (the service then stops: fail-stop)").register(registry);
        riskIndexMissed = Counter.builder("copyguard.risk.index.missed")
                .description("Accounts a full risk sweep found that the risk index would have skipped (must stay 0)")
                .register(registry);
        riskIndexSweeps = Counter.builder("copyguard.risk.index.sweeps")
                .description("Price ticks that ran the full risk scan as the risk index's safety net (every --risk-sweep-every"
                        + " ticks, and the first tick after a daily check)")
                .register(registry);
        freezes = Counter.builder("copyguard.profit.share.freezes")
                .description("Profit-share freezes applied on withdrawal requests").register(registry);
        decisionLatency = Timer.builder("copyguard.fill.decision.duration")
                .description("From an expert fill received (queued for the writer) to every follower decided")
                .serviceLevelObjectives(LATENCY_BUCKETS).register(registry);
        queueWait = Timer.builder("copyguard.writer.queue.wait")
                .description("Time inputs wait for the single writer").serviceLevelObjectives(LATENCY_BUCKETS)
                .register(registry);
        commitLatency = Timer.builder("copyguard.journal.commit.duration")
                .description("Journal batch commit (one SQLite transaction, fsync) duration")
                .serviceLevelObjectives(LATENCY_BUCKETS).register(registry);
        followersPerFill = DistributionSummary.builder("copyguard.fill.followers")
                .description("Subscriptions decided per expert fill").serviceLevelObjectives(FOLLOWER_BUCKETS)
                .register(registry);
        batchSize = DistributionSummary.builder("copyguard.journal.batch.entries")
                .description("Entries committed per journal batch").serviceLevelObjectives(BATCH_BUCKETS)
                .register(registry);
        lastFillEpochMillis = new AtomicLong(startEpochMillis);
        Gauge.builder("copyguard.last.fill.received.timestamp", lastFillEpochMillis, v -> v.get() / 1000.0)
                .description("Wall-clock time of the last expert fill received; the service start time until the first")
                .baseUnit("seconds").register(registry);
    }

    private static Duration[] seconds(double... values) {
        Duration[] out = new Duration[values.length];
        for (int i = 0; i < values.length; i++) {
            out[i] = Duration.ofNanos(Math.round(values[i] * 1e9));
        }
        return out;
    }

    private Counter activations(String result) {
        return Counter.builder("copyguard.rule.activations").description("Rule set activation attempts, by result")
                .tag("result", result).register(registry);
    }

    private Counter decisions(Outcome outcome, String reason, String kind) {
        return decisions.computeIfAbsent(outcome, o -> new ConcurrentHashMap<>())
                .computeIfAbsent(reason, r -> new ConcurrentHashMap<>())
                .computeIfAbsent(kind, k -> Counter.builder("copyguard.copy.decisions")
                        .description("Per-subscription copy decisions on expert fills, by outcome, reason and fill kind")
                        .tag("outcome", outcome.name()).tag("reason", reason).tag("kind", kind).register(registry));
    }

    private void riskAction(String action, ReasonCode reason, int amount) {
        String r = reason == null ? NONE : reason.name();
        riskActions.computeIfAbsent(action + "/" + r, k -> Counter.builder("copyguard.risk.actions")
                .description("Risk actions: positions closed (CLOSE) or liquidated (LIQUIDATE), subscriptions stopped"
                        + " (STOP), by action and reason")
                .tag("action", action).tag("reason", r).register(registry)).increment(amount);
    }

    @Override
    public void inputDequeued(Command command, long queuedNanos) {
        currentQueueWaitNanos = queuedNanos;
        queueWait.record(queuedNanos, TimeUnit.NANOSECONDS);
    }

    @Override
    public void fillDecided(ExpertFill fill, List<DecisionRecord> made, long nanos) {
        decisionLatency.record(currentQueueWaitNanos + nanos, TimeUnit.NANOSECONDS);
        currentQueueWaitNanos = 0;
        followersPerFill.record(made.size());
        String kind = fill.action().isOpening() ? "open" : "close";
        for (DecisionRecord d : made) {
            decisions(d.outcome(), d.reason() == null ? NONE : d.reason().name(), kind).increment();
            for (String rule : d.rulesFired()) {
                ruleFirings.computeIfAbsent(rule, r -> Counter.builder("copyguard.rule.firings")
                        .description("Rule firings on copy decisions, by rule name").tag("rule", r)
                        .register(registry)).increment();
            }
        }
    }

    @Override
    public void inputApplied(Command command, Result reply, long nanos) {
        received(command);
        input(command, reply.changed() ? "applied" : "unchanged");
    }

    @Override
    public void inputRefused(Command command, String errorCode) {
        received(command);
        input(command, "refused");
        String name = command.getClass().getSimpleName();
        refusals.computeIfAbsent(name + "/" + errorCode, k -> Counter.builder("copyguard.input.refusals")
                .description("Inputs refused, by input type and error code").tag("input", name)
                .tag("code", errorCode).register(registry)).increment();
    }

    private void received(Command command) {
        if (command instanceof ExpertFill f) {
            currentQueueWaitNanos = 0;
            fillsReceived.get(f.status()).increment();
            lastFillEpochMillis.set(System.currentTimeMillis());
        }
    }

    private void input(Command command, String result) {
        String name = command.getClass().getSimpleName();
        inputs.computeIfAbsent(name + "/" + result, k -> Counter.builder("copyguard.inputs")
                .description("Inputs handled by the writer, by input type and result").tag("input", name)
                .tag("result", result).register(registry)).increment();
    }

    @Override
    public void batchCommitted(int size, long nanos) {
        commitLatency.record(nanos, TimeUnit.NANOSECONDS);
        batchSize.record(size);
    }

    @Override
    public void commitFailed(String message) {
        commitFailures.increment();
    }

    @Override
    public void riskAction(RiskActionRecord action) {
        riskAction(action.action(), action.reason(), 1);
    }

    @Override
    public void ruleFailure(String code, String message) {
        ruleFailure(code, 1);
    }

    private void ruleFailure(String code, int amount) {
        ruleFailures.computeIfAbsent(code, c -> Counter.builder("copyguard.rule.failures")
                .description("Rule evaluations that failed after the input had changed state, by error code")
                .tag("code", c).register(registry)).increment(amount);
    }

    @Override
    public void riskIndexMissed(int accounts) {
        riskIndexMissed.increment(accounts);
    }

    @Override
    public void riskIndexSwept(int accounts) {
        riskIndexSweeps.increment();
    }

    @Override
    public void profitShareFrozen(BigDecimal amount) {
        freezes.increment();
    }

    @Override
    public void rulesActivated(String version, String previousVersion) {
        activationsOk.increment();
    }

    @Override
    public void rulesActivationFailed(String version, String code) {
        activationsFailed.increment();
    }
}
