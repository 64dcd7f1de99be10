package com.copyguard.server;

import com.copyguard.command.ApiException;
import com.copyguard.engine.Json;
import com.copyguard.rules.RuleFailure;
import io.vertx.core.buffer.Buffer;
import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.handler.HttpException;
import io.vertx.openapi.validation.ValidatorException;
import java.util.concurrent.CompletionException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Turns every failure into {"error": CODE, "message": text} with the right status. */
final class ErrorResponder {
    private static final Logger LOG = LoggerFactory.getLogger(ErrorResponder.class);

    private ErrorResponder() {
    }

    static void handle(RoutingContext ctx) {
        Throwable failure = ctx.failure();
        if (failure == null) {
            int status = ctx.statusCode();
            send(ctx, status, switch (status) {
                case 413 -> "BODY_TOO_LARGE";
                case 404 -> "NOT_FOUND";
                case 405 -> "METHOD_NOT_ALLOWED";
                case 400 -> "BAD_REQUEST";
                default -> "HTTP_" + status;
            }, status == 413 ? "request body exceeds " + HttpApi.MAX_BODY_BYTES + " bytes" : "request failed with status " + status);
            return;
        }
        fail(ctx, failure);
    }

    static void fail(RoutingContext ctx, Throwable failure) {
        while (failure instanceof CompletionException && failure.getCause() != null) {
            failure = failure.getCause();
        }
        if (failure instanceof ApiException e) {
            send(ctx, e.status(), e.code(), e.getMessage());
        } else if (failure instanceof RuleFailure e) {
            LOG.atError().addKeyValue("event", "rule_failure").addKeyValue("code", e.code())
                    .addKeyValue("inputRefused", true).addKeyValue("detail", e.getMessage())
                    .log("rules failed, input refused: {}", e.getMessage());
            send(ctx, 500, e.code(), e.getMessage());
        } else if (failure instanceof ValidatorException e) {
            send(ctx, 400, "VALIDATION_FAILED", e.getMessage());
        } else if (failure instanceof HttpException e && e.getStatusCode() < 500) {
            Throwable cause = e.getCause() == null ? e : e.getCause();
            send(ctx, e.getStatusCode(), e.getStatusCode() == 400 ? "VALIDATION_FAILED" : "HTTP_" + e.getStatusCode(),
                    String.valueOf(cause.getMessage()));
        } else {
            LOG.atError().addKeyValue("event", "http_internal_error").addKeyValue("method", ctx.request().method().name())
                    .addKeyValue("path", ctx.request().path()).setCause(failure)
                    .log("unexpected failure on {} {}", ctx.request().method(), ctx.request().path());
            send(ctx, 500, "INTERNAL_ERROR", String.valueOf(failure));
        }
    }

    static void send(RoutingContext ctx, int status, String code, String message) {
        if (ctx.response().ended()) {
            return;
        }
        try {
            ctx.response().setStatusCode(status).putHeader("content-type", "application/json")
                    .end(Buffer.buffer(Json.MAPPER.writeValueAsBytes(Json.error(code, message))));
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            ctx.response().setStatusCode(500).end();
        }
    }
}
