package com.copyguard.command;

import com.fasterxml.jackson.databind.JsonNode;

public record AdvanceClock(long time) implements Command {
    public static AdvanceClock parse(JsonNode body) {
        return new AdvanceClock(Fields.of(body).time("time"));
    }

    @Override
    public Long eventTime() {
        return time;
    }
}
