package com.copyguard.core.command;


/** A follower pauses copying: no new opens until it resumes; closes, stops and margin changes go on. */
public record PauseSubscription(String subscriptionId, long time) implements Command {
    @Override
    public Long eventTime() {
        return time;
    }
}
