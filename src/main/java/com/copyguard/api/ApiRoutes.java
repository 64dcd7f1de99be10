package com.copyguard.api;

import com.copyguard.json.input.CommandParser;
import com.copyguard.durability.snapshot.StateHash;
import io.vertx.ext.web.openapi.router.RouterBuilder;

/** Binds each OpenAPI operation to its command or query (the reads: {@link ReadOperations}). */
final class ApiRoutes {
    private final Exchange exchange;

    ApiRoutes(Exchange exchange) {
        this.exchange = exchange;
    }

    void bind(RouterBuilder rb) {
        ReadOperations.bind(exchange, rb);
        rb.getRoute("putInstrument").addHandler(ctx -> exchange.command(ctx,
                () -> CommandParser.putInstrument(ctx.pathParam("symbol"), JsonBody.of(ctx))));
        rb.getRoute("putExpert").addHandler(ctx -> exchange.command(ctx,
                () -> CommandParser.putExpert(ctx.pathParam("expertId"), JsonBody.of(ctx))));
        rb.getRoute("postFill").addHandler(ctx -> exchange.command(ctx,
                () -> CommandParser.expertFill(ctx.pathParam("expertId"), JsonBody.of(ctx))));
        rb.getRoute("postPrices").addHandler(ctx -> exchange.command(ctx, () -> CommandParser.priceTick(JsonBody.of(ctx))));
        rb.getRoute("postClock").addHandler(ctx -> exchange.command(ctx, () -> CommandParser.advanceClock(JsonBody.of(ctx))));
        rb.getRoute("follow").addHandler(ctx -> exchange.command(ctx, () -> CommandParser.follow(JsonBody.of(ctx))));
        rb.getRoute("patchSettings").addHandler(ctx -> exchange.command(ctx,
                () -> CommandParser.patchSettings(ctx.pathParam("subscriptionId"), JsonBody.of(ctx))));
        rb.getRoute("deposit").addHandler(ctx -> exchange.command(ctx,
                () -> CommandParser.deposit(ctx.pathParam("accountId"), JsonBody.of(ctx))));
        rb.getRoute("withdraw").addHandler(ctx -> exchange.command(ctx,
                () -> CommandParser.withdraw(ctx.pathParam("accountId"), JsonBody.of(ctx))));
        rb.getRoute("stopFollowing").addHandler(ctx -> exchange.command(ctx,
                () -> CommandParser.stopFollowing(ctx.pathParam("subscriptionId"), JsonBody.of(ctx))));
        rb.getRoute("closePosition").addHandler(ctx -> exchange.command(ctx,
                () -> CommandParser.closePosition(ctx.pathParam("subscriptionId"), JsonBody.of(ctx))));
        rb.getRoute("pauseSubscription").addHandler(ctx -> exchange.command(ctx,
                () -> CommandParser.pauseSubscription(ctx.pathParam("subscriptionId"), JsonBody.of(ctx))));
        rb.getRoute("resumeSubscription").addHandler(ctx -> exchange.command(ctx,
                () -> CommandParser.resumeSubscription(ctx.pathParam("subscriptionId"), JsonBody.of(ctx))));
        rb.getRoute("changePositionMargin").addHandler(ctx -> exchange.command(ctx,
                () -> CommandParser.changePositionMargin(ctx.pathParam("subscriptionId"), JsonBody.of(ctx))));
        rb.getRoute("changeExpertMargin").addHandler(ctx -> exchange.command(ctx,
                () -> CommandParser.expertMarginChange(ctx.pathParam("expertId"), JsonBody.of(ctx))));
        new ScreeningRoutes(exchange).bind(rb);
        rb.getRoute("getStateHash").addHandler(ctx -> exchange.query(ctx,
                e -> StateHash.reply(e, exchange.writer().appliedSeq())));
    }
}
