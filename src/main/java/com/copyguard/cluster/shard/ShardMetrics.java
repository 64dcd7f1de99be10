package com.copyguard.cluster.shard;

import io.micrometer.core.instrument.DistributionSummary;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Per-shard meters, tagged {@code shard} (bounded: the shard count is fixed): records behind the
 * log's end (lag), records per transaction, transaction time, and how long the last recovery from
 * snapshot + log took, and how long records waited for the other shards' parts (gathers). A shard this worker gave away reads 0 lag here (its new owner reports the real lag), so {@code max by (shard)} over workers is the shard's lag.
 */
final class ShardMetrics {
    /** A few histogram buckets per shard (the shard count multiplies the series), enough for a p99 panel. */
    private static final java.time.Duration[] SLOS = java.util.stream.LongStream.of(5, 10, 25, 50, 100, 250, 500, 1000, 2500)
            .mapToObj(java.time.Duration::ofMillis).toArray(java.time.Duration[]::new);
    private final MeterRegistry registry;
    private final Map<Integer, AtomicLong> lag = new ConcurrentHashMap<>();
    private final Map<Integer, AtomicLong> recoveryMillis = new ConcurrentHashMap<>();

    ShardMetrics(MeterRegistry registry) {
        this.registry = registry;
    }

    void lag(int shard, long records) {
        lag.computeIfAbsent(shard, s -> {
            AtomicLong v = new AtomicLong();
            Gauge.builder("copyguard_shard_lag_records", v, AtomicLong::get)
                    .description("Records of the shard's log not yet applied by its owner").tag("shard", tag(s))
                    .register(registry);
            return v;
        }).set(records);
    }

    void batch(int shard, int records, long transactionNanos) {
        DistributionSummary.builder("copyguard_shard_batch_records").description("Records applied in one transaction")
                .tag("shard", tag(shard)).register(registry).record(records);
        Timer.builder("copyguard_shard_transaction_seconds")
                .description("Apply a batch, write its replies and offsets, commit the transaction")
                .serviceLevelObjectives(SLOS)
                .tag("shard", tag(shard)).register(registry).record(transactionNanos, TimeUnit.NANOSECONDS);
    }

    void recovered(int shard, long nanos, long replayed) {
        recoveryMillis.computeIfAbsent(shard, s -> {
            AtomicLong v = new AtomicLong();
            Gauge.builder("copyguard_shard_recovery_seconds", v, x -> x.get() / 1000.0)
                    .description("How long the shard's last recovery (snapshot + log replay) took").tag("shard", tag(s))
                    .register(registry);
            return v;
        }).set(TimeUnit.NANOSECONDS.toMillis(nanos));
        registry.counter("copyguard_shard_recoveries_total", "shard", tag(shard)).increment();
        registry.counter("copyguard_shard_replayed_records_total", "shard", tag(shard)).increment(replayed);
    }

    /** A record that waited {@code nanos} for the other shards' parts (a token-limited fill, a follow). */
    void gathered(int shard, long nanos) {
        Timer.builder("copyguard_shard_gather_wait_seconds")
                .description("How long a record waited for the other shards' parts before it was applied")
                .serviceLevelObjectives(SLOS)
                .tag("shard", tag(shard)).register(registry).record(nanos, TimeUnit.NANOSECONDS);
    }

    void fenced(int shard) {
        registry.counter("copyguard_shard_fenced_total", "shard", tag(shard)).increment();
    }

    private static String tag(int shard) {
        return String.valueOf(shard);
    }
}
