package com.copyguard.api;

import com.copyguard.core.refusal.InputRefused;
import com.copyguard.json.Json;
import com.copyguard.core.refusal.RuleFailure;
import io.netty.handler.codec.DecoderResult;
import io.netty.handler.codec.http.TooLongHttpHeaderException;
import io.netty.handler.codec.http.TooLongHttpLineException;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.handler.HttpException;
import io.vertx.openapi.validation.ValidatorException;
import java.util.concurrent.CompletionException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Turns every failure, from any layer, into a small {"error": CODE, "message": text} with the right
 * status: messages are cut to {@link #MAX_MESSAGE_CHARS}, so no reply echoes a large input.
 */
final class ErrorResponder {
    private static final Logger LOG = LoggerFactory.getLogger(ErrorResponder.class);
    static final int MAX_MESSAGE_CHARS = 300;
    /** Statuses the router may end a request with on its own (no route, wrong method, bad path, ...). */
    static final int[] ROUTER_STATUSES = {400, 401, 403, 404, 405, 406, 413, 414, 415, 431, 500, 501, 503};

    private ErrorResponder() {
    }

    static void handle(RoutingContext ctx) {
        handle(ctx, ctx.statusCode());
    }

    /** As {@link #handle(RoutingContext)}, for the router's handler of {@code routerStatus}. */
    static void handle(RoutingContext ctx, int routerStatus) {
        Throwable failure = ctx.failure();
        if (failure == null) {
            int status = ctx.statusCode() >= 400 ? ctx.statusCode() : routerStatus;
            send(ctx, status, code(status), status == 413 ? "request body exceeds " + HttpApi.MAX_BODY_BYTES + " bytes"
                    : "request failed with status " + status);
            return;
        }
        fail(ctx, failure);
    }

    static void fail(RoutingContext ctx, Throwable failure) {
        while (failure instanceof CompletionException && failure.getCause() != null) {
            failure = failure.getCause();
        }
        if (failure instanceof InputRefused e) {
            send(ctx, RefusalStatus.of(e.code()), e.errorCode(), e.getMessage());
        } else if (failure instanceof RuleFailure e) {
            LOG.atError().addKeyValue("event", "rule_failure").addKeyValue("code", e.errorCode())
                    .addKeyValue("inputRefused", true).addKeyValue("detail", e.getMessage())
                    .log("rules failed, input refused: {}", e.getMessage());
            send(ctx, RefusalStatus.of(e.code()), e.errorCode(), e.getMessage());
        } else if (failure instanceof ValidatorException e) {
            send(ctx, 400, "VALIDATION_FAILED", e.getMessage());
        } else if (failure instanceof HttpException e && e.getStatusCode() < 500) {
            Throwable cause = e.getCause() == null ? e : e.getCause();
            send(ctx, e.getStatusCode(), e.getStatusCode() == 400 ? "VALIDATION_FAILED" : code(e.getStatusCode()),
                    String.valueOf(cause.getMessage()));
        } else {
            LOG.atError().addKeyValue("event", "http_internal_error").addKeyValue("method", ctx.request().method().name())
                    .addKeyValue("path", ctx.request().path()).setCause(failure)
                    .log("unexpected failure on {} {}", ctx.request().method(), ctx.request().path());
            send(ctx, 500, "INTERNAL_ERROR", String.valueOf(failure));
        }
    }

    /** The error code of a request the HTTP layer refused with {@code status} before any handler ran. */
    static String code(int status) {
        return switch (status) {
            case 400 -> "BAD_REQUEST";
            case 401 -> "UNAUTHORIZED";
            case 403 -> "FORBIDDEN";
            case 404 -> "NOT_FOUND";
            case 405 -> "METHOD_NOT_ALLOWED";
            case 406 -> "NOT_ACCEPTABLE";
            case 413 -> "BODY_TOO_LARGE";
            case 414 -> "URI_TOO_LONG";
            case 415 -> "UNSUPPORTED_MEDIA_TYPE";
            case 431 -> "HEADERS_TOO_LARGE";
            case 501 -> "NOT_IMPLEMENTED";
            case 503 -> "NOT_READY";
            default -> status >= 500 ? "INTERNAL_ERROR" : "HTTP_" + status;
        };
    }

    static void send(RoutingContext ctx, int status, String code, String message) {
        if (ctx.response().ended()) {
            return;
        }
        ctx.response().setStatusCode(status).putHeader("content-type", "application/json").end(body(code, message));
    }

    /**
     * Answers a request the HTTP codec could not decode (request line or headers too long, malformed
     * request line) before routing: the same JSON error, then the connection closes as HTTP requires.
     */
    static void invalidRequest(HttpServerRequest request) {
        DecoderResult result = request.decoderResult();
        Throwable cause = result == null ? null : result.cause();
        int status = cause instanceof TooLongHttpLineException ? 414
                : cause instanceof TooLongHttpHeaderException ? 431 : 400;
        String message = switch (status) {
            case 414 -> "the request line is too long";
            case 431 -> "the request headers are too large";
            default -> "the request could not be decoded";
        };
        request.response().setStatusCode(status).putHeader("content-type", "application/json")
                .putHeader("connection", "close").end(body(code(status), message))
                .onComplete(v -> request.connection().close());
    }

    private static Buffer body(String code, String message) {
        String bounded = message == null || message.length() <= MAX_MESSAGE_CHARS ? message
                : message.substring(0, MAX_MESSAGE_CHARS) + "...";
        try {
            return Buffer.buffer(Json.MAPPER.writeValueAsBytes(Json.error(code, bounded)));
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException("an error body always serializes", e);
        }
    }
}
