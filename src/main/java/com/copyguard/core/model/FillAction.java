package com.copyguard.core.model;

/** What an expert fill did: opened or closed a long or a short. */
public enum FillAction {
    OPEN_LONG(Side.LONG, true),
    OPEN_SHORT(Side.SHORT, true),
    CLOSE_LONG(Side.LONG, false),
    CLOSE_SHORT(Side.SHORT, false);

    private final Side side;
    private final boolean opening;

    FillAction(Side side, boolean opening) {
        this.side = side;
        this.opening = opening;
    }

    public Side side() {
        return side;
    }

    public boolean isOpening() {
        return opening;
    }
}
