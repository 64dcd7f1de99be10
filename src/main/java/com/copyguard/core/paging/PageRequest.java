package com.copyguard.core.paging;

/**
 * One page of a list. Lists are walked newest first: at most {@code limit} items whose position is
 * below {@code before} ({@link Long#MAX_VALUE} for the first page). A fan-out's reply hands out the
 * other direction, oldest first: at most {@code limit} items whose position is above {@code after},
 * so the rest of a fill's decisions continue in the order they were made after the reply's first page.
 * A {@link Cursor} carries either between pages.
 */
public record PageRequest(int limit, long before, long after) {
    /** The {@code after} of a newest-first walk: there is none. */
    public static final long NEWEST_FIRST = Long.MIN_VALUE;

    public PageRequest {
        if (limit < 1) {
            throw new IllegalArgumentException("limit must be at least 1");
        }
    }

    /** A newest-first page below {@code before}. */
    public PageRequest(int limit, long before) {
        this(limit, before, NEWEST_FIRST);
    }

    public static PageRequest first(int limit) {
        return new PageRequest(limit, Long.MAX_VALUE);
    }

    /** An oldest-first page of the items after position {@code after}. */
    public static PageRequest oldestFirstAfter(int limit, long after) {
        if (after < 0) {
            throw new IllegalArgumentException("after must be a position (0 or more), got " + after);
        }
        return new PageRequest(limit, Long.MAX_VALUE, after);
    }

    public boolean oldestFirst() {
        return after != NEWEST_FIRST;
    }
}
