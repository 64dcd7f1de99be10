package com.copyguard.core.command;


/** Stop following: MARKET_CLOSE closes everything now; FOLLOW_EXPERT_CLOSE waits for the expert's closes. */
public record StopFollowing(String subscriptionId, Mode mode, long time) implements Command {
    public enum Mode {
        MARKET_CLOSE,
        FOLLOW_EXPERT_CLOSE
    }

    @Override
    public Long eventTime() {
        return time;
    }
}
