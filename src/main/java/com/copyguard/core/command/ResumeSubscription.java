package com.copyguard.core.command;


/**
 * A follower resumes a paused subscription; with {@code copyExistingPositions} it takes over the
 * expert's current positions it does not hold yet, sized as on follow.
 */
public record ResumeSubscription(String subscriptionId, boolean copyExistingPositions, long time) implements Command {
    @Override
    public Long eventTime() {
        return time;
    }
}
