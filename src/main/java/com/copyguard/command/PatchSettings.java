package com.copyguard.command;

import com.fasterxml.jackson.databind.JsonNode;

/** Changes any subset of a subscription's settings; applies to existing and future positions. */
public record PatchSettings(String subscriptionId, JsonNode patch) implements Command {
    private static final String SCHEMA = "Settings";

    public static PatchSettings parse(String subscriptionId, JsonNode body) {
        Fields.of(body, SCHEMA);
        return new PatchSettings(subscriptionId, body);
    }

    @Override
    public Long eventTime() {
        return null;
    }
}
