package com.copyguard.server;

import com.copyguard.command.AdvanceClock;
import com.copyguard.command.Deposit;
import com.copyguard.command.ExpertFill;
import com.copyguard.command.Follow;
import com.copyguard.command.PatchSettings;
import com.copyguard.command.PriceTick;
import com.copyguard.command.PutExpert;
import com.copyguard.command.PutInstrument;
import com.copyguard.durability.StateHash;
import com.copyguard.engine.Queries;
import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.openapi.router.RouterBuilder;

/** Binds each OpenAPI operation to its command or query. */
final class ApiRoutes {
    private static final int DEFAULT_DECISION_LIMIT = 100;
    private final Exchange exchange;

    ApiRoutes(Exchange exchange) {
        this.exchange = exchange;
    }

    void bind(RouterBuilder rb) {
        rb.getRoute("listInstruments").addHandler(ctx -> exchange.query(ctx, Queries::instruments));
        rb.getRoute("putInstrument").addHandler(ctx -> exchange.command(ctx,
                () -> PutInstrument.parse(ctx.pathParam("symbol"), JsonBody.of(ctx))));
        rb.getRoute("putExpert").addHandler(ctx -> exchange.command(ctx,
                () -> PutExpert.parse(ctx.pathParam("expertId"), JsonBody.of(ctx))));
        rb.getRoute("getExpert").addHandler(ctx -> exchange.query(ctx,
                e -> Queries.expert(e, ctx.pathParam("expertId"))));
        rb.getRoute("postFill").addHandler(ctx -> exchange.command(ctx,
                () -> ExpertFill.parse(ctx.pathParam("expertId"), JsonBody.of(ctx))));
        rb.getRoute("postPrices").addHandler(ctx -> exchange.command(ctx, () -> PriceTick.parse(JsonBody.of(ctx))));
        rb.getRoute("postClock").addHandler(ctx -> exchange.command(ctx, () -> AdvanceClock.parse(JsonBody.of(ctx))));
        rb.getRoute("follow").addHandler(ctx -> exchange.command(ctx, () -> Follow.parse(JsonBody.of(ctx))));
        rb.getRoute("getSubscription").addHandler(ctx -> exchange.query(ctx,
                e -> Queries.subscription(e, ctx.pathParam("subscriptionId"))));
        rb.getRoute("patchSettings").addHandler(ctx -> exchange.command(ctx,
                () -> PatchSettings.parse(ctx.pathParam("subscriptionId"), JsonBody.of(ctx))));
        rb.getRoute("getAccount").addHandler(ctx -> exchange.query(ctx,
                e -> Queries.account(e, ctx.pathParam("accountId"))));
        rb.getRoute("deposit").addHandler(ctx -> exchange.command(ctx,
                () -> Deposit.parse(ctx.pathParam("accountId"), JsonBody.of(ctx))));
        rb.getRoute("getTransactions").addHandler(ctx -> exchange.query(ctx,
                e -> Queries.transactions(e, ctx.pathParam("accountId"))));
        rb.getRoute("getDecisions").addHandler(this::decisions);
        rb.getRoute("health").addHandler(ctx -> exchange.query(ctx, Queries::health));
        rb.getRoute("getStateHash").addHandler(ctx -> exchange.query(ctx,
                e -> StateHash.reply(e, exchange.writer().appliedSeq())));
    }

    private void decisions(RoutingContext ctx) {
        String limit = ctx.queryParams().get("limit");
        int n = limit == null ? DEFAULT_DECISION_LIMIT : Integer.parseInt(limit);
        exchange.query(ctx, e -> Queries.decisions(e, ctx.queryParams().get("fillId"),
                ctx.queryParams().get("subscriptionId"), n));
    }
}
