package com.copyguard.server;

import com.copyguard.observability.Observability;
import com.copyguard.pipeline.SingleWriter;
import com.copyguard.rules.ActiveRules;
import com.copyguard.rules.CompiledRuleSets;
import com.copyguard.rules.RuleSetLoader;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.VerticleBase;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpServer;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.handler.BodyHandler;
import io.vertx.ext.web.openapi.router.OpenAPIRoute;
import io.vertx.ext.web.openapi.router.RequestExtractor;
import io.vertx.ext.web.openapi.router.RouterBuilder;
import io.vertx.openapi.contract.OpenAPIContract;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;

/**
 * The HTTP front door: routes from openapi.yaml, validated against it, answered by the single writer.
 * It listens before the service is ready so that probes and metrics answer during startup
 * ({@link OpsEndpoints}); every API route answers 503 NOT_READY until {@link #serveApi} mounts the API.
 */
public final class HttpApi extends VerticleBase {
    static final int MAX_BODY_BYTES = 256 * 1024;
    private final String host;
    private final int requestedPort;
    private final OpsEndpoints ops;
    private final Observability observability;
    private Router router;
    private HttpServer server;
    private volatile boolean apiMounted;

    public HttpApi(Observability observability, String host, int port) {
        this.observability = observability;
        this.ops = new OpsEndpoints(observability);
        this.host = host;
        this.requestedPort = port;
    }

    @Override
    public Future<?> start() {
        Buffer spec = Buffer.buffer(resource("openapi.yaml"));
        router = Router.router(vertx);
        router.route().handler(HttpApi::decodableQuery);
        ops.mount(router);
        router.get("/openapi.yaml").handler(ctx -> ctx.response()
                .putHeader("content-type", "application/yaml").end(spec));
        WebPages.mount(router);
        router.route().handler(this::untilReady);
        router.route().failureHandler(ErrorResponder::handle);
        for (int status : ErrorResponder.ROUTER_STATUSES) {
            router.errorHandler(status, ctx -> ErrorResponder.handle(ctx, status));
        }
        return vertx.createHttpServer().requestHandler(router).invalidRequestHandler(ErrorResponder::invalidRequest)
                .listen(requestedPort, host).onSuccess(s -> server = s);
    }

    /** A query string with a malformed percent-escape is refused here, before any handler reads it. */
    private static void decodableQuery(RoutingContext ctx) {
        try {
            ctx.queryParams();
        } catch (RuntimeException e) {
            ErrorResponder.send(ctx, 400, "MALFORMED_QUERY", "the query string is not valid percent-encoding");
            return;
        }
        ctx.next();
    }

    private void untilReady(RoutingContext ctx) {
        if (apiMounted) {
            ctx.next();
        } else {
            String reason = observability.readiness().notReadyReason();
            ErrorResponder.send(ctx, 503, "NOT_READY", "the service is not ready: " + (reason == null ? "starting" : reason));
        }
    }

    /**
     * Mounts the OpenAPI routes, answered by {@code writer} (rule authoring compiles from
     * {@code ruleLibrary} into {@code rules}' cache); completes once they serve.
     */
    public Future<Void> serveApi(SingleWriter writer, ActiveRules rules, RuleSetLoader ruleLibrary) {
        CompiledRuleSets compiledRules = rules.compiled();
        Promise<Void> mounted = Promise.promise();
        context.runOnContext(v -> OpenAPIContract.from(vertx, "openapi.yaml").onSuccess(contract -> {
            RouterBuilder rb = RouterBuilder.create(vertx, contract, RequestExtractor.withBodyHandler());
            rb.rootHandler(BodyHandler.create(false).setBodyLimit(MAX_BODY_BYTES));
            rb.rootHandler(JsonBody::parse);
            Exchange exchange = new Exchange(writer);
            new ApiRoutes(exchange).bind(rb);
            new RulesRoutes(exchange, ruleLibrary, compiledRules, observability.events()).bind(rb);
            rb.getRoute("streamEvents").addHandler(new EventStream(observability.feed().ring())::handle);
            for (OpenAPIRoute route : rb.getRoutes()) {
                route.addFailureHandler(ErrorResponder::handle);
            }
            router.route("/*").subRouter(rb.createRouter());
            ops.rules(rules);
            apiMounted = true;
            mounted.complete();
        }).onFailure(mounted::fail));
        return mounted.future();
    }

    public int port() {
        return server.actualPort();
    }

    /** Stops accepting connections and gives requests in flight up to {@code grace} to be answered. */
    public Future<Void> shutdown(java.time.Duration grace) {
        return server == null ? Future.succeededFuture()
                : server.shutdown(grace.toMillis(), java.util.concurrent.TimeUnit.MILLISECONDS);
    }

    private static byte[] resource(String name) {
        try (InputStream in = HttpApi.class.getClassLoader().getResourceAsStream(name)) {
            if (in == null) {
                throw new IllegalStateException(name + " missing from the classpath");
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
