package com.copyguard.command;

import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigDecimal;

public record Withdraw(String accountId, BigDecimal amount, String requestId, long time) implements Command {
    private static final String SCHEMA = "MoneyMovement";

    public static Withdraw parse(String accountId, JsonNode body) {
        Fields f = Fields.of(body, SCHEMA);
        return new Withdraw(accountId, f.positive("amount"), Ids.check("requestId", f.text("requestId")), f.time("time"));
    }

    @Override
    public Long eventTime() {
        return time;
    }
}
