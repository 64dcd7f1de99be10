package com.copyguard.core.paging;

/**
 * One page of a list walked newest first: at most {@code limit} items whose position is below
 * {@code before} ({@link Long#MAX_VALUE} for the first page; a {@link Cursor} carries it between pages).
 */
public record PageRequest(int limit, long before) {
    public PageRequest {
        if (limit < 1) {
            throw new IllegalArgumentException("limit must be at least 1");
        }
    }

    public static PageRequest first(int limit) {
        return new PageRequest(limit, Long.MAX_VALUE);
    }
}
