package com.copyguard.command;

import com.copyguard.domain.Side;
import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigDecimal;

/** A follower adds margin to (amount > 0) or removes margin from (amount < 0) one isolated copy. */
public record ChangePositionMargin(String subscriptionId, String symbol, Side side, BigDecimal amount, long time)
        implements Command {
    public static ChangePositionMargin parse(String subscriptionId, JsonNode body) {
        Fields f = Fields.of(body);
        return new ChangePositionMargin(subscriptionId, f.text("symbol"), f.enumValue("side", Side.class),
                MarginAmount.nonZero(f), f.time("time"));
    }

    @Override
    public Long eventTime() {
        return time;
    }
}
