package com.copyguard.server;

import com.copyguard.pipeline.SingleWriter;
import io.vertx.core.Future;
import io.vertx.core.VerticleBase;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpServer;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.handler.BodyHandler;
import io.vertx.ext.web.openapi.router.OpenAPIRoute;
import io.vertx.ext.web.openapi.router.RequestExtractor;
import io.vertx.ext.web.openapi.router.RouterBuilder;
import io.vertx.openapi.contract.OpenAPIContract;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;

/** The HTTP front door: routes from openapi.yaml, validated against it, answered by the single writer. */
public final class HttpApi extends VerticleBase {
    static final int MAX_BODY_BYTES = 256 * 1024;
    private final SingleWriter writer;
    private final String host;
    private final int requestedPort;
    private HttpServer server;

    public HttpApi(SingleWriter writer, String host, int port) {
        this.writer = writer;
        this.host = host;
        this.requestedPort = port;
    }

    @Override
    public Future<?> start() {
        Buffer spec = Buffer.buffer(resource("openapi.yaml"));
        return OpenAPIContract.from(vertx, "openapi.yaml").compose(contract -> {
            RouterBuilder rb = RouterBuilder.create(vertx, contract, RequestExtractor.withBodyHandler());
            rb.rootHandler(BodyHandler.create(false).setBodyLimit(MAX_BODY_BYTES));
            rb.rootHandler(JsonBody::parse);
            new ApiRoutes(new Exchange(writer)).bind(rb);
            for (OpenAPIRoute route : rb.getRoutes()) {
                route.addFailureHandler(ErrorResponder::handle);
            }
            Router router = Router.router(vertx);
            router.get("/openapi.yaml").handler(ctx -> ctx.response()
                    .putHeader("content-type", "application/yaml").end(spec));
            router.route("/*").subRouter(rb.createRouter());
            router.route().failureHandler(ErrorResponder::handle);
            router.errorHandler(404, ErrorResponder::handle);
            router.errorHandler(405, ErrorResponder::handle);
            router.errorHandler(413, ErrorResponder::handle);
            return vertx.createHttpServer().requestHandler(router).listen(requestedPort, host);
        }).onSuccess(s -> server = s);
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
