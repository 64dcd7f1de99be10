package com.copyguard.api;

import com.copyguard.json.Json;
import com.copyguard.observability.Observability;
import com.copyguard.observability.Readiness;
import com.copyguard.core.rules.ActiveRules;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.vertx.core.Context;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Probes and metrics for the people and machines that run the service: {@code GET /health/live},
 * {@code GET /health/ready} and {@code GET /metrics}. They are served from the moment HTTP
 * listens, before the API is ready, and never wait for the writer except to refresh ledger
 * gauges (bounded by {@link #GAUGE_REFRESH_TIMEOUT_MILLIS}).
 */
final class OpsEndpoints {
    private static final Logger LOG = LoggerFactory.getLogger(OpsEndpoints.class);
    static final String PROMETHEUS_TEXT = "text/plain; version=0.0.4; charset=utf-8";
    /** A busy writer must not make a scrape time out: after this the previous ledger sample is served. */
    private static final long GAUGE_REFRESH_TIMEOUT_MILLIS = 2000;

    private final Observability observability;
    private volatile ActiveRules rules;

    OpsEndpoints(Observability observability) {
        this.observability = observability;
    }

    void rules(ActiveRules active) {
        this.rules = active;
    }

    void mount(Router router) {
        router.get("/health/live").handler(this::live);
        router.get("/health/ready").handler(this::ready);
        router.get("/metrics").handler(this::metrics);
    }

    private void live(RoutingContext ctx) {
        Readiness r = observability.readiness();
        if (!r.isLive()) {
            ErrorResponder.send(ctx, 503, "NOT_LIVE", r.notReadyReason());
            return;
        }
        ObjectNode body = Json.object();
        body.put("status", "UP");
        body.put("phase", r.phase().name());
        json(ctx, 200, body);
    }

    private void ready(RoutingContext ctx) {
        Readiness r = observability.readiness();
        if (!r.isReady()) {
            ObjectNode body = Json.error("NOT_READY", r.notReadyReason());
            body.put("phase", r.phase().name());
            String stalled = r.writerStalledOn();
            if (stalled != null) {
                body.put("writerStalledOn", stalled);
            }
            json(ctx, 503, body);
            return;
        }
        ObjectNode body = Json.object();
        body.put("status", "READY");
        ActiveRules active = rules;
        body.put("ruleSet", active == null ? r.ruleSet() : active.get().version());
        body.put("recoveredInputs", r.recoveredInputs());
        json(ctx, 200, body);
    }

    private void metrics(RoutingContext ctx) {
        Context context = ctx.vertx().getOrCreateContext();
        observability.refreshGauges().orTimeout(GAUGE_REFRESH_TIMEOUT_MILLIS, TimeUnit.MILLISECONDS)
                .whenComplete((ok, error) -> context.runOnContext(v -> {
                    if (error != null) {
                        LOG.warn("ledger gauges not refreshed for this scrape: {}", String.valueOf(error));
                    }
                    // rendering every series takes a few milliseconds: off the event loop
                    ctx.vertx().executeBlocking(() -> observability.telemetry().scrape(), false)
                            .onSuccess(text -> ctx.response().putHeader("content-type", PROMETHEUS_TEXT).end(text))
                            .onFailure(e -> ErrorResponder.fail(ctx, e));
                }));
    }

    /** Probe answers are never cached. */
    private static void json(RoutingContext ctx, int status, ObjectNode body) {
        ctx.response().putHeader("cache-control", "no-store");
        Exchange.json(ctx, status, body);
    }
}
