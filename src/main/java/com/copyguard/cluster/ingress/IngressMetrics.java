package com.copyguard.cluster.ingress;

import com.copyguard.api.CommandEdge;
import com.copyguard.events.EventRing;
import io.micrometer.core.instrument.DistributionSummary;
import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.function.LongSupplier;
import java.util.stream.LongStream;

/**
 * The ingress's own meters, of its reads through the shards and of its event stream (named like
 * {@code ShardMetrics}: {@code copyguard_ingress_*}). Tags are bounded: {@code operation} is one of
 * the contract's read operations, {@code outcome} one of ok, refused (4xx), unavailable (5xx).
 * Public so the monitoring-files test can publish them without a cluster.
 */
public final class IngressMetrics {
    /** Buckets for a p99 panel: a read is at least one Kafka round trip, a screening read two. */
    private static final Duration[] SLOS = LongStream.of(5, 10, 25, 50, 100, 250, 500, 1000, 2500, 10_000)
            .mapToObj(Duration::ofMillis).toArray(Duration[]::new);
    private final MeterRegistry registry;

    public IngressMetrics(MeterRegistry registry) {
        this.registry = registry;
    }

    /** One read through the shards, from when the ingress took it to its answer. */
    public final class Read {
        private final String operation;
        private final long started = System.nanoTime();
        private int shards;

        private Read(String operation) {
            this.operation = operation;
        }

        /** The read asked {@code n} more shards (a screening read asks every shard, then shard 0). */
        public void asked(int n) {
            shards += n;
        }

        /** The read was answered with {@code answer}; returns it. */
        public CommandEdge.Answer done(CommandEdge.Answer answer) {
            int status = answer.httpStatus();
            String outcome = status >= 500 ? "unavailable" : status >= 400 ? "refused" : "ok";
            Timer.builder("copyguard_ingress_read_seconds")
                    .description("A read through the cluster: from the ingress taking it to the shards' merged answer")
                    .serviceLevelObjectives(SLOS).tag("operation", operation).register(registry)
                    .record(System.nanoTime() - started, TimeUnit.NANOSECONDS);
            registry.counter("copyguard_ingress_reads_total", "operation", operation, "outcome", outcome).increment();
            DistributionSummary.builder("copyguard_ingress_read_shards").description("Shards one read asked, all its steps together")
                    .tag("operation", operation).register(registry).record(shards);
            return answer;
        }
    }

    public Read read(String operation) {
        return new Read(operation);
    }

    /**
     * The event stream's meters, read from {@code ring} (open streams, events delivered, the newest
     * event's offset in cg.events) and {@code lag} (events in cg.events not read into the ring yet;
     * -1 before it is known).
     */
    public void watchEvents(EventRing ring, LongSupplier lag) {
        Gauge.builder("copyguard_ingress_event_streams", ring, EventRing::streams)
                .description("GET /events streams open on this ingress").strongReference(true).register(registry);
        FunctionCounter.builder("copyguard_ingress_events_delivered_total", ring, r -> r.delivered())
                .description("Events sent to streams, once per stream they went to").register(registry);
        Gauge.builder("copyguard_ingress_events_newest_offset", ring, EventRing::lastId)
                .description("Offset in cg.events of the newest event this ingress holds").strongReference(true)
                .register(registry);
        Gauge.builder("copyguard_ingress_events_lag_records", lag, l -> l.getAsLong())
                .description("Committed events in cg.events not yet read by this ingress (-1: not known yet)")
                .strongReference(true).register(registry);
    }
}
