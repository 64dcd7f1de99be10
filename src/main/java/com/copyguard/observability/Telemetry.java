package com.copyguard.observability;

import io.micrometer.core.instrument.binder.system.FileDescriptorMetrics;
import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.config.MeterFilter;
import io.micrometer.core.instrument.distribution.DistributionStatisticConfig;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import io.vertx.core.Vertx;
import io.vertx.core.VertxOptions;
import io.vertx.micrometer.Label;
import io.vertx.micrometer.MicrometerMetricsFactory;
import io.vertx.micrometer.MicrometerMetricsOptions;

/**
 * The one Prometheus registry of a service instance. Vert.x reports HTTP server, pool and JVM
 * meters into it (its metrics SPI must be set when the Vertx instance is built, hence
 * {@link #newVertx()}); copyguard's own meters live in {@link EngineMetrics} and
 * {@link LedgerGauges}. A registry per instance, never the global one, so that several services
 * in one JVM (tests) do not mix their figures.
 */
public final class Telemetry {
    /** Seconds, as nanoseconds (the unit Micrometer timers keep): 1 ms to 10 s. */
    private static final double[] HTTP_BUCKETS_NANOS = {1e6, 2.5e6, 5e6, 1e7, 2.5e7, 5e7, 1e8, 2.5e8, 5e8, 1e9, 2.5e9,
        5e9, 1e10};
    private final PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);

    public Telemetry() {
        // Vert.x names a sub-router's routes "/>/experts/:expertId"; the template alone reads better
        registry.config().meterFilter(MeterFilter.replaceTagValues("route", r -> r.replace("/>", "")));
        // Vert.x records HTTP response time without buckets: add them so dashboards can show p99
        registry.config().meterFilter(new MeterFilter() {
            @Override
            public DistributionStatisticConfig configure(Meter.Id id, DistributionStatisticConfig config) {
                if (id.getName().equals("vertx.http.server.response.time")) {
                    return DistributionStatisticConfig.builder().serviceLevelObjectives(HTTP_BUCKETS_NANOS).build()
                            .merge(config);
                }
                return config;
            }
        });
        // after the filters, which apply only to meters registered later. Vert.x binds JVM, CPU, uptime.
        new FileDescriptorMetrics().bindTo(registry);
    }

    public PrometheusMeterRegistry registry() {
        return registry;
    }

    /**
     * A Vertx whose HTTP server, worker pools and JVM are measured in this registry. HTTP meters
     * are labelled by method, status code and matched route template (bounded), never by raw path.
     */
    public Vertx newVertx() {
        MicrometerMetricsOptions metrics = new MicrometerMetricsOptions()
                .setEnabled(true)
                .setJvmMetricsEnabled(true)
                .addLabels(Label.HTTP_ROUTE);
        return Vertx.builder()
                .with(new VertxOptions().setMetricsOptions(metrics))
                .withMetrics(new MicrometerMetricsFactory(registry))
                .build();
    }

    /** The Prometheus text exposition (format 0.0.4) of every meter. */
    public String scrape() {
        return registry.scrape();
    }

    public void close() {
        registry.close();
    }
}
