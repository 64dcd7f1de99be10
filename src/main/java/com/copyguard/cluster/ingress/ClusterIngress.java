package com.copyguard.cluster.ingress;

import com.copyguard.durability.writer.WallClockGuard;
import com.copyguard.api.security.SecurityOptions;
import com.copyguard.api.security.SigningKey;
import com.copyguard.api.CommandEdge;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpServer;

/**
 * The stateless HTTP ingress: the single-node service's contract, tokens, roles and parsers
 * ({@link CommandEdge}) in front of the {@link ClusterGateway}. Any number of them can run; a
 * client gets a 2xx only after the owning shards committed the input.
 */
public final class ClusterIngress implements AutoCloseable {
    private final Vertx vertx;
    private final HttpServer server;

    private ClusterIngress(Vertx vertx, HttpServer server) {
        this.vertx = vertx;
        this.server = server;
    }

    public static ClusterIngress start(ClusterGateway gateway, String host, int port, SigningKey key,
                                       SecurityOptions security, WallClockGuard wallClock) {
        Vertx vertx = Vertx.vertx();
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
                    return gateway.readingReplies();
                }
            }).await();
            return new ClusterIngress(vertx, server);
        } catch (RuntimeException e) {
            vertx.close();
            throw e;
        }
    }

    public int port() {
        return server.actualPort();
    }

    @Override
    public void close() {
        vertx.close().await();
    }
}
