package com.copyguard.core.command;

import com.copyguard.core.model.Side;
import java.math.BigDecimal;

/**
 * The feed reports that an expert added (amount > 0) or removed (amount < 0) margin on an isolated
 * position; its followers' copies follow in proportion. {@code requestId} makes a retried POST safe: the
 * same key and body get the first answer, never a second change.
 */
public record ExpertMarginChange(String expertId, String symbol, Side side, BigDecimal amount, String requestId, long time)
        implements Command {
    @Override
    public Long eventTime() {
        return time;
    }
}
