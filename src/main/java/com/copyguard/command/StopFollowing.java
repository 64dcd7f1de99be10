package com.copyguard.command;

import com.fasterxml.jackson.databind.JsonNode;

/** Stop following: MARKET_CLOSE closes everything now; FOLLOW_EXPERT_CLOSE waits for the expert's closes. */
public record StopFollowing(String subscriptionId, Mode mode, long time) implements Command {
    private static final String SCHEMA = "StopInput";

    public enum Mode {
        MARKET_CLOSE,
        FOLLOW_EXPERT_CLOSE
    }

    public static StopFollowing parse(String subscriptionId, JsonNode body) {
        Fields f = Fields.of(body, SCHEMA);
        return new StopFollowing(subscriptionId, f.enumValue("mode", Mode.class), f.time("time"));
    }

    @Override
    public Long eventTime() {
        return time;
    }
}
