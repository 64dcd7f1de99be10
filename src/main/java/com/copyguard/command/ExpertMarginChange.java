package com.copyguard.command;

import com.copyguard.domain.Side;
import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigDecimal;

/**
 * The feed reports that an expert added (amount > 0) or removed (amount < 0) margin on an isolated
 * position; its followers' copies follow in proportion.
 */
public record ExpertMarginChange(String expertId, String symbol, Side side, BigDecimal amount, String requestId, long time)
        implements Command {
    // requestId makes a retried POST safe: the same key and body get the first answer, never a second change
    public static ExpertMarginChange parse(String expertId, JsonNode body) {
        Fields f = Fields.of(body, "MarginChangeInput");
        return new ExpertMarginChange(expertId, f.text("symbol"), f.enumValue("side", Side.class),
                MarginAmount.nonZero(f), Ids.check("requestId", f.text("requestId")), f.time("time"));
    }

    @Override
    public Long eventTime() {
        return time;
    }
}
