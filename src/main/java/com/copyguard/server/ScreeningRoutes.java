package com.copyguard.server;

import com.copyguard.command.ExpertEquityReport;
import com.copyguard.screening.ScreeningQueries;
import com.copyguard.engine.CursorPage;
import com.copyguard.screening.Leaderboard;
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
                () -> ExpertEquityReport.parse(ctx.pathParam("expertId"), JsonBody.of(ctx))));
        rb.getRoute("getExpertEquity").addHandler(ctx -> exchange.query(ctx,
                e -> ScreeningQueries.equityHistory(e, ctx.pathParam("expertId"))));
        rb.getRoute("getExpertScreening").addHandler(ctx -> exchange.query(ctx,
                e -> ScreeningQueries.screening(e, ctx.pathParam("expertId"))));
        rb.getRoute("listExperts").addHandler(this::listExperts);
        rb.getRoute("getExpertTrades").addHandler(ctx -> {
            CursorPage page;
            try {
                page = CursorPage.of(ctx.queryParams().get("limit"), ctx.queryParams().get("cursor"));
            } catch (RuntimeException e) {
                ErrorResponder.fail(ctx, e);
                return;
            }
            exchange.query(ctx, e -> ScreeningQueries.trades(e, ctx.pathParam("expertId"), page));
        });
    }

    private void listExperts(RoutingContext ctx) {
        Leaderboard board;
        var q = ctx.queryParams();
        try {
            board = Leaderboard.parse(q.get("verdict"), q.get("flag"), q.get("minTradingDays"), q.get("sort"),
                    q.get("order"), q.get("limit"));
        } catch (RuntimeException e) {
            ErrorResponder.fail(ctx, e);
            return;
        }
        exchange.query(ctx, e -> ScreeningQueries.experts(e, board));
    }
}
