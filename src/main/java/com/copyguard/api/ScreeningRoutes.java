package com.copyguard.api;

import com.copyguard.json.input.CommandParser;
import com.copyguard.core.screening.ScreeningQueries;
import com.copyguard.core.paging.PageRequest;
import com.copyguard.core.screening.FlagCode;
import com.copyguard.core.screening.Leaderboard;
import com.copyguard.core.screening.Verdict;
import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.openapi.router.RouterBuilder;

/** Expert screening operations: equity reports and history, screening of one or all experts. */
final class ScreeningRoutes {
    private final Exchange exchange;

    ScreeningRoutes(Exchange exchange) {
        this.exchange = exchange;
    }

    void bind(RouterBuilder rb) {
        rb.getRoute("postExpertEquity").addHandler(ctx -> exchange.command(ctx,
                () -> CommandParser.expertEquityReport(ctx.pathParam("expertId"), JsonBody.of(ctx))));
        rb.getRoute("getExpertEquity").addHandler(ctx -> exchange.query(ctx,
                e -> ScreeningQueries.equityHistory(e, ctx.pathParam("expertId"))));
        rb.getRoute("getExpertScreening").addHandler(ctx -> exchange.query(ctx,
                e -> ScreeningQueries.screening(e, ctx.pathParam("expertId"))));
        rb.getRoute("listExperts").addHandler(this::listExperts);
        rb.getRoute("getExpertTrades").addHandler(ctx -> ApiRoutes.list(exchange, ctx, "getExpertTrades", q -> {
            PageRequest page = q.page();
            return e -> ScreeningQueries.trades(e, ctx.pathParam("expertId"), page);
        }));
    }

    private void listExperts(RoutingContext ctx) {
        ApiRoutes.list(exchange, ctx, "listExperts", q -> {
            Leaderboard board = Leaderboard.of(q.enumValue("verdict", Verdict.class), q.enumValue("flag", FlagCode.class),
                    q.integer("minTradingDays"), q.text("sort"), q.text("order"));
            PageRequest page = q.page();
            return e -> ScreeningQueries.experts(e, board, page);
        });
    }
}
