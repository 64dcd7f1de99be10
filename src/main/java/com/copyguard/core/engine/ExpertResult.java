package com.copyguard.core.engine;

/** An expert added ({@code created}) or changed. */
public record ExpertResult(ExpertView expert, boolean created) implements Result {
    @Override
    public boolean changed() {
        return true;
    }
}
