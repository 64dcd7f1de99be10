package com.copyguard.command;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * A follower resumes a paused subscription; with {@code copyExistingPositions} it takes over the
 * expert's current positions it does not hold yet, sized as on follow.
 */
public record ResumeSubscription(String subscriptionId, boolean copyExistingPositions, long time) implements Command {
    public static ResumeSubscription parse(String subscriptionId, JsonNode body) {
        Fields f = Fields.of(body, "ResumeInput");
        return new ResumeSubscription(subscriptionId, f.bool("copyExistingPositions", false), f.time("time"));
    }

    @Override
    public Long eventTime() {
        return time;
    }
}
