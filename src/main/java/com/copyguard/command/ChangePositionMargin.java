package com.copyguard.command;

import com.copyguard.domain.Side;
import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigDecimal;

/** A follower adds margin to (amount > 0) or removes margin from (amount < 0) one isolated copy. */
public record ChangePositionMargin(String subscriptionId, String symbol, Side side, BigDecimal amount, String requestId, long time)
        implements Command {
    // requestId makes a retried POST safe: the same key and body get the first answer, never a second change
    public static ChangePositionMargin parse(String subscriptionId, JsonNode body) {
        Fields f = Fields.of(body, "MarginChangeInput");
        return new ChangePositionMargin(subscriptionId, f.text("symbol"), f.enumValue("side", Side.class),
                MarginAmount.nonZero(f), Ids.check("requestId", f.text("requestId")), f.time("time"));
    }

    @Override
    public Long eventTime() {
        return time;
    }
}
