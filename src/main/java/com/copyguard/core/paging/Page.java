package com.copyguard.core.paging;

import java.util.List;
import java.util.function.Function;

/**
 * A page of a list and where the next one starts: {@code next} is the position of the last item
 * when more items match, else null (the walk is over).
 */
public record Page<T>(List<T> items, Long next) {
    /** The same page with each item turned into {@code view}. */
    public <V> Page<V> map(Function<? super T, ? extends V> view) {
        return new Page<>(items.stream().<V>map(view).toList(), next);
    }

    /** The cursor a client sends for the next page, null when the walk is over. */
    public String nextCursor() {
        return next == null ? null : Cursor.encode(next);
    }
}
