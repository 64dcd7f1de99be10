package com.copyguard.core.paging;

/** The {@code from} (inclusive) and {@code to} (exclusive) event-time filter of list endpoints, in epoch ms. */
public record TimeRange(long from, long to) {
    public static final TimeRange ALL = new TimeRange(Long.MIN_VALUE, Long.MAX_VALUE);

    public boolean contains(long time) {
        return time >= from && time < to;
    }
}
