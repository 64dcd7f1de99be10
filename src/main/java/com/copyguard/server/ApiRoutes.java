package com.copyguard.server;

import com.copyguard.command.AdvanceClock;
import com.copyguard.command.ChangePositionMargin;
import com.copyguard.command.ClosePosition;
import com.copyguard.command.ExpertMarginChange;
import com.copyguard.command.PauseSubscription;
import com.copyguard.command.ResumeSubscription;
import com.copyguard.command.StopFollowing;
import com.copyguard.command.Withdraw;
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
        rb.getRoute("withdraw").addHandler(ctx -> exchange.command(ctx,
                () -> Withdraw.parse(ctx.pathParam("accountId"), JsonBody.of(ctx))));
        rb.getRoute("stopFollowing").addHandler(ctx -> exchange.command(ctx,
                () -> StopFollowing.parse(ctx.pathParam("subscriptionId"), JsonBody.of(ctx))));
        rb.getRoute("closePosition").addHandler(ctx -> exchange.command(ctx,
                () -> ClosePosition.parse(ctx.pathParam("subscriptionId"), JsonBody.of(ctx))));
        rb.getRoute("pauseSubscription").addHandler(ctx -> exchange.command(ctx,
                () -> PauseSubscription.parse(ctx.pathParam("subscriptionId"), JsonBody.of(ctx))));
        rb.getRoute("resumeSubscription").addHandler(ctx -> exchange.command(ctx,
                () -> ResumeSubscription.parse(ctx.pathParam("subscriptionId"), JsonBody.of(ctx))));
        rb.getRoute("changePositionMargin").addHandler(ctx -> exchange.command(ctx,
                () -> ChangePositionMargin.parse(ctx.pathParam("subscriptionId"), JsonBody.of(ctx))));
        rb.getRoute("changeExpertMargin").addHandler(ctx -> exchange.command(ctx,
                () -> ExpertMarginChange.parse(ctx.pathParam("expertId"), JsonBody.of(ctx))));
        rb.getRoute("getRiskActions").addHandler(ctx -> exchange.query(ctx, e -> Queries.riskActions(e,
                ctx.queryParams().get("subscriptionId"), limit(ctx), AccessControl.followerFilter(ctx))));
        rb.getRoute("getDecisions").addHandler(this::decisions);
        rb.getRoute("health").addHandler(ctx -> exchange.query(ctx, Queries::health));
        new ScreeningRoutes(exchange).bind(rb);
        rb.getRoute("getStateHash").addHandler(ctx -> exchange.query(ctx,
                e -> StateHash.reply(e, exchange.writer().appliedSeq())));
    }

    private void decisions(RoutingContext ctx) {
        int n = limit(ctx);
        exchange.query(ctx, e -> Queries.decisions(e, ctx.queryParams().get("fillId"),
                ctx.queryParams().get("subscriptionId"), n, AccessControl.followerFilter(ctx)));
    }

    /** The validated {@code limit} query parameter (1-10,000 per openapi.yaml), default 100. */
    private static int limit(RoutingContext ctx) {
        String limit = ctx.queryParams().get("limit");
        return limit == null ? DEFAULT_DECISION_LIMIT : Integer.parseInt(limit);
    }
}
