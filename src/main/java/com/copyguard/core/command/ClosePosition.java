package com.copyguard.core.command;

import com.copyguard.core.model.Side;

/** A follower closes one of its copies at market. */
public record ClosePosition(String subscriptionId, String symbol, Side side, long time) implements Command {
    @Override
    public Long eventTime() {
        return time;
    }
}
