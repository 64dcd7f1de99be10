package com.copyguard.core.command;

import java.math.BigDecimal;

public record Withdraw(String accountId, BigDecimal amount, String requestId, long time) implements Command {
    @Override
    public Long eventTime() {
        return time;
    }
}
