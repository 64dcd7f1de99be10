package com.copyguard.command;

import com.fasterxml.jackson.databind.JsonNode;

/** A follower pauses copying: no new opens until it resumes; closes, stops and margin changes go on. */
public record PauseSubscription(String subscriptionId, long time) implements Command {
    public static PauseSubscription parse(String subscriptionId, JsonNode body) {
        return new PauseSubscription(subscriptionId, Fields.of(body, "TimeOnly").time("time"));
    }

    @Override
    public Long eventTime() {
        return time;
    }
}
