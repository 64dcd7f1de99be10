package com.copyguard.api;

import com.copyguard.json.input.CommandParser;
import com.copyguard.durability.snapshot.StateHash;
import com.copyguard.core.engine.FollowerQueries;
import com.copyguard.core.engine.WithdrawalPreview;
import com.copyguard.core.model.Outcome;
import com.copyguard.core.model.ReasonCode;
import com.copyguard.core.model.TransactionType;
import com.copyguard.core.engine.Engine;
import com.copyguard.json.input.Fields;
import com.copyguard.core.engine.Queries;
import com.copyguard.core.engine.Queries.DecisionFilter;
import com.copyguard.core.engine.Queries.RiskActionFilter;
import com.copyguard.core.paging.PageRequest;
import com.copyguard.core.paging.TimeRange;
import java.util.function.Function;
import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.openapi.router.RouterBuilder;

/** Binds each OpenAPI operation to its command or query. */
final class ApiRoutes {
    /**
     * Answers a list operation: its query is read strictly ({@link ListQuery}) before the writer is
     * asked, so a bad parameter is a 400 that costs the writer nothing.
     */
    static void list(Exchange exchange, RoutingContext ctx, String operationId,
                     Function<ListQuery, Function<Engine, ?>> query) {
        Function<Engine, ?> run;
        try {
            run = query.apply(ListQuery.of(ctx, operationId));
        } catch (RuntimeException e) {
            ErrorResponder.fail(ctx, e);
            return;
        }
        exchange.query(ctx, run);
    }

    private final Exchange exchange;

    ApiRoutes(Exchange exchange) {
        this.exchange = exchange;
    }

    void bind(RouterBuilder rb) {
        rb.getRoute("listInstruments").addHandler(ctx -> list(ctx, "listInstruments",
                q -> e -> Queries.instruments(e, q.page())));
        rb.getRoute("putInstrument").addHandler(ctx -> exchange.command(ctx,
                () -> CommandParser.putInstrument(ctx.pathParam("symbol"), JsonBody.of(ctx))));
        rb.getRoute("putExpert").addHandler(ctx -> exchange.command(ctx,
                () -> CommandParser.putExpert(ctx.pathParam("expertId"), JsonBody.of(ctx))));
        rb.getRoute("getExpert").addHandler(ctx -> exchange.query(ctx,
                e -> Queries.expert(e, ctx.pathParam("expertId"))));
        rb.getRoute("postFill").addHandler(ctx -> exchange.command(ctx,
                () -> CommandParser.expertFill(ctx.pathParam("expertId"), JsonBody.of(ctx))));
        rb.getRoute("postPrices").addHandler(ctx -> exchange.command(ctx, () -> CommandParser.priceTick(JsonBody.of(ctx))));
        rb.getRoute("postClock").addHandler(ctx -> exchange.command(ctx, () -> CommandParser.advanceClock(JsonBody.of(ctx))));
        rb.getRoute("follow").addHandler(ctx -> exchange.command(ctx, () -> CommandParser.follow(JsonBody.of(ctx))));
        rb.getRoute("getSubscription").addHandler(ctx -> exchange.query(ctx,
                e -> Queries.subscription(e, ctx.pathParam("subscriptionId"))));
        rb.getRoute("patchSettings").addHandler(ctx -> exchange.command(ctx,
                () -> CommandParser.patchSettings(ctx.pathParam("subscriptionId"), JsonBody.of(ctx))));
        rb.getRoute("getAccount").addHandler(ctx -> exchange.query(ctx,
                e -> Queries.account(e, ctx.pathParam("accountId"))));
        rb.getRoute("deposit").addHandler(ctx -> exchange.command(ctx,
                () -> CommandParser.deposit(ctx.pathParam("accountId"), JsonBody.of(ctx))));
        rb.getRoute("getTransactions").addHandler(ctx -> list(ctx, "getTransactions", q -> {
            TransactionType type = q.enumValue("type", TransactionType.class);
            TimeRange time = q.time();
            PageRequest page = q.page();
            return e -> Queries.transactions(e, ctx.pathParam("accountId"), type, time, page);
        }));
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
        rb.getRoute("previewWithdrawal").addHandler(ctx -> {
            java.math.BigDecimal amount;
            try {
                // parsed before the query runs, so a malformed amount is refused off the writer
                amount = Fields.of(JsonBody.of(ctx), "WithdrawalPreviewInput").positive("amount");
            } catch (RuntimeException e) {
                ErrorResponder.fail(ctx, e);
                return;
            }
            exchange.query(ctx, e -> WithdrawalPreview.preview(e, ctx.pathParam("accountId"), amount));
        });
        rb.getRoute("listFollowerSubscriptions").addHandler(ctx -> list(ctx, "listFollowerSubscriptions", q -> {
            PageRequest page = q.page();
            return e -> FollowerQueries.followings(e, ctx.pathParam("followerId"), page);
        }));
        rb.getRoute("getRiskActions").addHandler(ctx -> list(ctx, "getRiskActions", q -> {
            RiskActionFilter filter = new RiskActionFilter(q.text("subscriptionId"), q.text("cause"),
                    q.enumValue("reason", ReasonCode.class), q.time());
            PageRequest page = q.pageEitherWay();
            String owner = AccessControl.followerFilter(ctx);
            return e -> Queries.riskActions(e, filter, page, owner);
        }));
        rb.getRoute("getDecisions").addHandler(ctx -> list(ctx, "getDecisions", q -> {
            DecisionFilter filter = new DecisionFilter(q.text("expertId"), q.text("fillId"), q.text("subscriptionId"),
                    q.enumValue("outcome", Outcome.class), q.enumValue("reason", ReasonCode.class), q.time());
            PageRequest page = q.pageEitherWay();
            String owner = AccessControl.followerFilter(ctx);
            return e -> Queries.decisions(e, filter, page, owner);
        }));
        rb.getRoute("health").addHandler(ctx -> exchange.query(ctx, Queries::health));
        new ScreeningRoutes(exchange).bind(rb);
        rb.getRoute("getStateHash").addHandler(ctx -> exchange.query(ctx,
                e -> StateHash.reply(e, exchange.writer().appliedSeq())));
    }

    private void list(RoutingContext ctx, String operationId, Function<ListQuery, Function<Engine, ?>> query) {
        list(exchange, ctx, operationId, query);
    }
}
