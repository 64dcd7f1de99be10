package com.copyguard.cluster.ingress;

import com.copyguard.durability.writer.WallClockGuard;
import com.copyguard.api.security.SecurityOptions;
import com.copyguard.api.security.SigningKey;
import com.copyguard.api.CommandEdge;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpServer;

/**
 * The stateless HTTP ingress: the single-node service's contract, tokens, roles and parsers
 * ({@link CommandEdge}) in front of the {@link ClusterGateway}. Any number of them can run; a
 * client gets a 2xx only after the owning shards committed the input. Reads go to the shards that
 * hold the data ({@link ClusterReads}); {@code GET /events} streams what the shards wrote to
 * {@code cg.events} ({@link ClusterEvents}). Its own meters ({@link IngressMetrics}) are served on
 * {@code GET /metrics}.
 */
public final class ClusterIngress implements AutoCloseable {
    private final Vertx vertx;
    private final HttpServer server;
    private final ClusterEvents events;

    private ClusterIngress(Vertx vertx, HttpServer server, ClusterEvents events) {
        this.vertx = vertx;
        this.server = server;
        this.events = events;
    }

    public static ClusterIngress start(ClusterGateway gateway, String host, int port, SigningKey key,
                                       SecurityOptions security, WallClockGuard wallClock) {
        return start(gateway, host, port, key, security, wallClock, null);
    }

    /**
     * As above; {@code rules} (null: none) is the rules directory GET /rules lists and POST
     * /rules/activate, validation, proposals and shadow runs compile from (every ingress should see
     * the same one; an approval is refused PROPOSAL_STALE when the approving ingress's folder
     * differs from the proposed text).
     */
    public static ClusterIngress start(ClusterGateway gateway, String host, int port, SigningKey key,
                                       SecurityOptions security, WallClockGuard wallClock,
                                       com.copyguard.core.rules.RuleSetLoader rules) {
        return start(gateway, host, port, key, security, wallClock, rules, null);
    }

    /**
     * As above, metering into {@code registry} (null: one of its own), which {@code GET /metrics}
     * serves to a {@code metrics} token (the ingress's own meters: {@link IngressMetrics}).
     */
    public static ClusterIngress start(ClusterGateway gateway, String host, int port, SigningKey key,
                                       SecurityOptions security, WallClockGuard wallClock,
                                       com.copyguard.core.rules.RuleSetLoader rules, PrometheusMeterRegistry registry) {
        PrometheusMeterRegistry meters = registry != null ? registry : new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
        IngressMetrics metrics = new IngressMetrics(meters);
        Vertx vertx = Vertx.vertx();
        ClusterEvents events = new ClusterEvents(gateway.bootstrapServers(), gateway.topics());
        metrics.watchEvents(events.ring(), events::lag);
        ClusterReads reads = new ClusterReads(gateway, metrics);
        ClusterRuleAuthoring authoring = new ClusterRuleAuthoring(gateway);
        try {
            HttpServer server = CommandEdge.serve(vertx, host, port, key, security, wallClock, new CommandEdge.Sink() {
                @Override
                public java.util.concurrent.CompletableFuture<CommandEdge.Answer> submit(com.copyguard.core.command.Command command,
                        com.copyguard.core.command.Sender sender, String confinedTo) {
                    return gateway.submit(command, sender, confinedTo)
                            .thenApply(a -> new CommandEdge.Answer(a.status(), a.body(), a.refusal()));
                }

                @Override
                public boolean ready() {
                    return gateway.readingReplies() && events.ready();
                }

                @Override
                public java.util.concurrent.CompletableFuture<CommandEdge.Answer> read(
                        com.copyguard.api.ReadOperations.Request request, String confinedTo) {
                    return reads.read(request, confinedTo);
                }

                @Override
                public com.copyguard.events.EventRing events() {
                    return events.ring();
                }

                @Override
                public com.copyguard.core.rules.RuleSetLoader rules() {
                    return rules;
                }

                @Override
                public CommandEdge.RuleAuthoring authoring() {
                    return authoring;
                }

                @Override
                public java.util.function.Supplier<String> metrics() {
                    return meters::scrape;
                }
            }).await();
            return new ClusterIngress(vertx, server, events);
        } catch (RuntimeException e) {
            vertx.close();
            events.close();
            throw e;
        }
    }

    public int port() {
        return server.actualPort();
    }

    @Override
    public void close() {
        vertx.close().await();
        events.close();
    }
}
