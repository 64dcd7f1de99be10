package com.copyguard.core.paging;

import java.util.List;
import java.util.function.Function;

/**
 * A page of a list and where the next one starts: {@code next} is the position of the last item
 * when more items match, else null (the walk is over); {@code oldestFirst} says which way the walk
 * goes, so the next cursor continues the same way.
 */
public record Page<T>(List<T> items, Long next, boolean oldestFirst) {
    /** A page of a newest-first walk. */
    public Page(List<T> items, Long next) {
        this(items, next, false);
    }

    /** The same page with each item turned into {@code view}. */
    public <V> Page<V> map(Function<? super T, ? extends V> view) {
        return new Page<>(items.stream().<V>map(view).toList(), next, oldestFirst);
    }

    /** The cursor a client sends for the next page, null when the walk is over. */
    public String nextCursor() {
        if (next == null) {
            return null;
        }
        return oldestFirst ? Cursor.encodeOldestFirst(next) : Cursor.encode(next);
    }
}
