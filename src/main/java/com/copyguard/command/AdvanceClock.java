package com.copyguard.command;

import com.fasterxml.jackson.databind.JsonNode;

public record AdvanceClock(long time) implements Command {
    private static final String SCHEMA = "ClockInput";

    public static AdvanceClock parse(JsonNode body) {
        return new AdvanceClock(Fields.of(body, SCHEMA).time("time"));
    }

    @Override
    public Long eventTime() {
        return time;
    }
}
