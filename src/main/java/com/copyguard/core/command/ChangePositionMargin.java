package com.copyguard.core.command;

import com.copyguard.core.model.Side;
import java.math.BigDecimal;

/**
 * A follower adds margin to (amount > 0) or removes margin from (amount < 0) one isolated copy.
 * {@code requestId} makes a retried POST safe: the same key and body get the first answer, never a second change.
 */
public record ChangePositionMargin(String subscriptionId, String symbol, Side side, BigDecimal amount, String requestId, long time)
        implements Command {
    @Override
    public Long eventTime() {
        return time;
    }
}
