package com.copyguard.core.engine;

/** An instrument added or changed. */
public record InstrumentResult(InstrumentView instrument) implements Result {
    @Override
    public boolean changed() {
        return true;
    }
}
