package com.copyguard.core.engine;

/** The event clock after an advance (it never goes back). */
public record ClockResult(long time) implements Result {
    @Override
    public boolean changed() {
        return true;
    }
}
