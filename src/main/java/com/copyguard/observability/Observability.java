package com.copyguard.observability;

import com.copyguard.core.engine.EngineEvents;
import com.copyguard.events.EventFeed;
import com.copyguard.events.EventRing;
import com.copyguard.durability.writer.SingleWriter;
import com.copyguard.durability.writer.WriterWatchdog;
import com.copyguard.core.rules.ActiveRules;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.List;
import java.util.concurrent.CompletableFuture;

/**
 * Everything a service instance reports about itself: the Prometheus registry, copyguard's
 * meters, structured event logs, ledger gauges and readiness. Built before anything else so that
 * HTTP can answer liveness and metrics while the rules compile and the journal replays.
 */
public final class Observability {
    private final Telemetry telemetry = new Telemetry();
    private final Readiness readiness = new Readiness();
    private final EventLog eventLog = new EventLog();
    private final LiveEvents events;
    /** Events kept for streams to resume from, and streams open at once (GET /events). */
    private static final int EVENTS_KEPT = 10_000;
    private static final int MAX_STREAMS = 256;
    private final EventFeed feed = new EventFeed(
            new EventRing(EVENTS_KEPT, MAX_STREAMS, System.currentTimeMillis() * 1000), EVENTS_KEPT);
    private volatile LedgerGauges ledger;
    private volatile SingleWriter writer;

    public Observability() {
        MeterRegistry registry = telemetry.registry();
        events = new LiveEvents(List.of(new EngineMetrics(registry, System.currentTimeMillis()), eventLog, feed));
        Gauge.builder("copyguard.ready", readiness, r -> r.isReady() ? 1 : 0)
                .description("1 once rules are compiled and the journal replayed, 0 before and after a journal failure")
                .register(registry);
        Gauge.builder("copyguard.recovery.replayed.inputs", readiness, Readiness::recoveredInputs)
                .description("Journal entries replayed at the last start").register(registry);
        Gauge.builder("copyguard.recovery.duration", readiness, Readiness::recoverySeconds)
                .description("Time the last start spent replaying the journal").baseUnit("seconds").register(registry);
        Gauge.builder("copyguard.writer.queue.depth", this, o -> o.writer == null ? 0 : o.writer.queueDepth())
                .description("Inputs and queries waiting for the single writer").register(registry);
    }

    public Telemetry telemetry() {
        return telemetry;
    }

    public Readiness readiness() {
        return readiness;
    }

    /** The listener to give the engine; silent until {@link #live}. */
    public EngineEvents events() {
        return events;
    }

    /** The live event stream's source (GET /events). */
    public EventFeed feed() {
        return feed;
    }

    /**
     * The writer's watchdog runs: its stall makes the service not ready and shows in
     * {@code copyguard_writer_stalled} and {@code copyguard_writer_busy_seconds}.
     */
    public void watch(WriterWatchdog watchdog) {
        MeterRegistry registry = telemetry.registry();
        Gauge.builder("copyguard.writer.stalled", watchdog, WriterWatchdog::stalledGauge)
                .description("1 while the writer has been applying one input for longer than its bound (--writer-stall-after)")
                .register(registry);
        Gauge.builder("copyguard.writer.busy", watchdog, WriterWatchdog::busySeconds).baseUnit("seconds")
                .description("How long the writer has been applying its current input (0 when idle)").register(registry);
        readiness.watchWriter(() -> {
            WriterWatchdog.Stall stall = watchdog.stall();
            return stall == null ? null : String.format(java.util.Locale.ROOT, "%s for %.1f s", stall.input(), stall.seconds());
        });
    }

    /** The engine and writer exist (rules compiled): ledger gauges can be registered. */
    public void attach(ActiveRules rules, SingleWriter singleWriter) {
        ledger = new LedgerGauges(telemetry.registry(), rules);
        writer = singleWriter;
    }

    /** Recovery is done: events from now on are traffic, and the service accepts inputs. */
    public void live(String ruleSet, long replayedInputs, double recoverySeconds) {
        events.goLive();
        readiness.ready(replayedInputs, recoverySeconds, writer::isFailed);
        eventLog.serviceReady(ruleSet, replayedInputs, recoverySeconds);
    }

    /**
     * Refreshes the ledger gauges through the writer when the service is ready; completes at once
     * otherwise (the gauges then show the last sample, or zero before the first).
     */
    public CompletableFuture<Void> refreshGauges() {
        LedgerGauges g = ledger;
        SingleWriter w = writer;
        if (g == null || w == null || !readiness.isReady()) {
            return CompletableFuture.completedFuture(null);
        }
        return g.refresh(w);
    }

    public void close() {
        telemetry.close();
    }
}
