package com.copyguard.core.command;


public record AdvanceClock(long time) implements Command {
    @Override
    public Long eventTime() {
        return time;
    }
}
