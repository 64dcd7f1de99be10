package com.copyguard.api;

import com.copyguard.core.command.Command;
import com.copyguard.core.engine.Engine;
import com.copyguard.core.engine.Result;
import com.copyguard.json.ApiJson;
import com.copyguard.durability.writer.SingleWriter;
import io.vertx.core.Context;
import io.vertx.core.buffer.Buffer;
import io.vertx.ext.web.RoutingContext;
import java.util.concurrent.CompletableFuture;
import java.util.function.Function;
import java.util.function.Supplier;

/** Hands parsed inputs to the single writer and writes its reply back on the request's event loop. */
final class Exchange {
    private final SingleWriter writer;

    Exchange(SingleWriter writer) {
        this.writer = writer;
    }

    SingleWriter writer() {
        return writer;
    }

    void command(RoutingContext ctx, Supplier<Command> parse) {
        Command command;
        try {
            command = parse.get();
        } catch (RuntimeException e) {
            ErrorResponder.fail(ctx, e);
            return;
        }
        reply(ctx, writer.submit(command, sender(ctx)));
    }

    /** Who sent the request: the token's subject and the role it acts in (null on an open route). */
    static com.copyguard.core.command.Sender sender(RoutingContext ctx) {
        com.copyguard.api.security.Caller caller = AccessControl.caller(ctx);
        return caller == null ? null : new com.copyguard.core.command.Sender(caller.subject(),
                AccessControl.actingRole(ctx).wireName());
    }

    /** Submits {@code command}, tells {@code done} whether it was applied, then answers as {@link #command} does. */
    void submit(RoutingContext ctx, Command command, java.util.function.Consumer<Boolean> done) {
        reply(ctx, writer.submit(command, sender(ctx)).whenComplete((r, e) -> done.accept(e == null)));
    }

    /** Answers 200 with what {@code query} reads (a view, a page of views, a JSON tree). */
    void query(RoutingContext ctx, Function<Engine, ?> query) {
        query(ctx, ResultStatus.OK, query);
    }

    void query(RoutingContext ctx, int status, Function<Engine, ?> query) {
        answer(ctx, writer.query(query), answer -> status);
    }

    private static void reply(RoutingContext ctx, CompletableFuture<Result> future) {
        answer(ctx, future, ResultStatus::of);
    }

    private static <T> void answer(RoutingContext ctx, CompletableFuture<T> future, Function<T, Integer> status) {
        Context context = ctx.vertx().getOrCreateContext();
        future.whenComplete((answer, error) -> context.runOnContext(v -> {
            if (error != null) {
                ErrorResponder.fail(ctx, error);
            } else {
                json(ctx, status.apply(answer), answer);
            }
        }));
    }

    /** Answers {@code status} with {@code body} as JSON. */
    static void json(RoutingContext ctx, int status, Object body) {
        byte[] bytes;
        try {
            bytes = ApiJson.bytes(body);
        } catch (RuntimeException e) {
            ErrorResponder.fail(ctx, e);
            return;
        }
        ctx.response().setStatusCode(status).putHeader("content-type", "application/json").end(Buffer.buffer(bytes));
    }
}
