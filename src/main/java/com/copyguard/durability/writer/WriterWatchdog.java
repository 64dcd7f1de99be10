package com.copyguard.durability.writer;

import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Watches the single writer from its own thread: when applying one input (or answering one query)
 * takes longer than {@code stallAfter}, the writer is stalled. Readiness, the
 * {@code copyguard_writer_stalled} gauge and the log say so, naming the input, until it finishes.
 * It never touches the engine: a stuck rule cannot be stopped safely mid-input, but it can be seen,
 * alerted on and the process restarted (the input was not journaled, so nothing is lost).
 */
public final class WriterWatchdog implements AutoCloseable {
    public static final Duration DEFAULT_STALL_AFTER = Duration.ofSeconds(5);
    private static final Logger LOG = LoggerFactory.getLogger(WriterWatchdog.class);

    /** What the writer is stuck on and since how long. */
    public record Stall(String input, double seconds) {
    }

    private final SingleWriter writer;
    private final long stallAfterNanos;
    private final ScheduledExecutorService timer;
    private volatile Stall stall;

    public WriterWatchdog(SingleWriter writer, Duration stallAfter) {
        if (stallAfter.isNegative() || stallAfter.isZero()) {
            throw new IllegalArgumentException("the writer stall bound must be positive");
        }
        this.writer = writer;
        this.stallAfterNanos = stallAfter.toNanos();
        this.timer = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "copyguard-writer-watchdog");
            t.setDaemon(true);
            return t;
        });
        long period = Math.max(10, Math.min(250, stallAfter.toMillis() / 4));
        timer.scheduleAtFixedRate(this::check, period, period, TimeUnit.MILLISECONDS);
    }

    private void check() {
        SingleWriter.InFlight current = writer.inFlight();
        long age = current == null ? 0 : System.nanoTime() - current.startedNanos();
        Stall before = stall;
        if (current != null && age > stallAfterNanos) {
            stall = new Stall(current.input(), age / 1e9);
            if (before == null || !before.input().equals(current.input())) {
                LOG.atError().addKeyValue("event", "writer_stalled").addKeyValue("input", current.input())
                        .addKeyValue("seconds", age / 1e9)
                        .log("the writer has been applying {} for more than {} ms", current.input(), stallAfterNanos / 1_000_000);
            }
        } else if (before != null) {
            stall = null;
            LOG.atWarn().addKeyValue("event", "writer_recovered").addKeyValue("input", before.input())
                    .log("the writer finished {}", before.input());
        }
    }

    /** The current stall, or null while the writer keeps within the bound. */
    public Stall stall() {
        return stall;
    }

    public double stalledGauge() {
        return stall == null ? 0 : 1;
    }

    /** Seconds the writer has been on its current input (0 when idle). */
    public double busySeconds() {
        SingleWriter.InFlight current = writer.inFlight();
        return current == null ? 0 : (System.nanoTime() - current.startedNanos()) / 1e9;
    }

    @Override
    public void close() {
        timer.shutdownNow();
    }
}
