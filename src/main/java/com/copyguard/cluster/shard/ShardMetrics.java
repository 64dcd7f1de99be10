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
 * snapshot + log took. Meters of a shard this worker gave away read 0 lag and stay until it exits.
 */
final class ShardMetrics {
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

    void fenced(int shard) {
        registry.counter("copyguard_shard_fenced_total", "shard", tag(shard)).increment();
    }

    private static String tag(int shard) {
        return String.valueOf(shard);
    }
}
