package com.copyguard.command;


public record AdvanceClock(long time) implements Command {
    @Override
    public Long eventTime() {
        return time;
    }
}
