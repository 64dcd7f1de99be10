package com.copyguard.api;

import com.copyguard.json.input.CommandParser;
import io.vertx.ext.web.openapi.router.RouterBuilder;

/** Expert screening operations: equity reports (history and screening reads: {@link ReadOperations}). */
final class ScreeningRoutes {
    private final Exchange exchange;

    ScreeningRoutes(Exchange exchange) {
        this.exchange = exchange;
    }

    void bind(RouterBuilder rb) {
        rb.getRoute("postExpertEquity").addHandler(ctx -> exchange.command(ctx,
                () -> CommandParser.expertEquityReport(ctx.pathParam("expertId"), JsonBody.of(ctx))));
    }
}
