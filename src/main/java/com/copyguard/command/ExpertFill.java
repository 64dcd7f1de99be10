package com.copyguard.command;

import com.copyguard.domain.FillAction;
import com.copyguard.domain.FillStatus;
import com.copyguard.domain.MarginMode;
import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigDecimal;

public record ExpertFill(String expertId, String fillId, String symbol, FillAction action, BigDecimal qty,
                         BigDecimal price, int leverage, MarginMode marginMode, FillStatus status, long time,
                         BigDecimal expertEquity) implements Command {
    private static final String SCHEMA = "Fill";


    public static ExpertFill parse(String expertId, JsonNode body) {
        Ids.check("expertId", expertId);
        Fields f = Fields.of(body, SCHEMA);
        return new ExpertFill(expertId, Ids.check("fillId", f.text("fillId")), f.text("symbol"),
                f.enumValue("action", FillAction.class), f.positive("qty"), f.positive("price"),
                f.integer("leverage"), f.enumValue("marginMode", MarginMode.class),
                f.enumValue("status", FillStatus.class), f.time("time"), f.optionalPositive("expertEquity"));
    }

    @Override
    public Long eventTime() {
        return time;
    }
}
