package com.copyguard.command;

import com.copyguard.domain.Side;
import com.fasterxml.jackson.databind.JsonNode;

/** A follower closes one of its copies at market. */
public record ClosePosition(String subscriptionId, String symbol, Side side, long time) implements Command {
    private static final String SCHEMA = "ClosePositionInput";

    public static ClosePosition parse(String subscriptionId, JsonNode body) {
        Fields f = Fields.of(body, SCHEMA);
        return new ClosePosition(subscriptionId, f.text("symbol"), f.enumValue("side", Side.class), f.time("time"));
    }

    @Override
    public Long eventTime() {
        return time;
    }
}
