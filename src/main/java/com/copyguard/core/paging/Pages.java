package com.copyguard.core.paging;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.function.Predicate;
import java.util.function.ToLongFunction;

/**
 * The one pagination walk of every list endpoint. The source yields items newest first with
 * strictly decreasing positions (a sequence number, or an ordinal); the walk skips to the cursor,
 * keeps the items that match the filters and looks one match ahead to know whether a next page exists.
 * It never visits more than the source holds, and every source is bounded. An oldest-first request
 * (the rest of a fan-out after its reply's first page) reads the same newest-first source down to
 * the cursor, keeping only the lowest {@code limit + 1} matches: it costs what a newest-first walk
 * to the same position costs, and its memory is one page.
 */
public final class Pages {
    private Pages() {
    }

    public static <T> Page<T> walk(Iterator<T> newestFirst, ToLongFunction<T> position, Predicate<T> filter,
                                   PageRequest request) {
        if (request.oldestFirst()) {
            return oldestFirst(newestFirst, position, filter, request);
        }
        List<T> items = new ArrayList<>(Math.min(request.limit(), 1024));
        while (newestFirst.hasNext()) {
            T item = newestFirst.next();
            if (position.applyAsLong(item) >= request.before() || !filter.test(item)) {
                continue;
            }
            if (items.size() == request.limit()) {
                return new Page<>(items, position.applyAsLong(items.get(items.size() - 1)));
            }
            items.add(item);
        }
        return new Page<>(items, null);
    }

    private static <T> Page<T> oldestFirst(Iterator<T> newestFirst, ToLongFunction<T> position, Predicate<T> filter,
                                           PageRequest request) {
        // ascending: the head is the lowest position seen; one more than a page tells whether a next page exists
        ArrayDeque<T> lowest = new ArrayDeque<>(Math.min(request.limit(), 1024) + 1);
        while (newestFirst.hasNext()) {
            T item = newestFirst.next();
            if (position.applyAsLong(item) <= request.after()) {
                break;
            }
            if (filter.test(item)) {
                lowest.addFirst(item);
                if (lowest.size() > request.limit() + 1) {
                    lowest.pollLast();
                }
            }
        }
        if (lowest.size() <= request.limit()) {
            return new Page<>(List.copyOf(lowest), null, true);
        }
        lowest.pollLast();
        return new Page<>(List.copyOf(lowest), position.applyAsLong(lowest.peekLast()), true);
    }

    /** A list in its natural order (a catalog), positioned so that the walk above pages through it. */
    public static <T> Page<T> walk(List<T> naturalOrder, Predicate<T> filter, PageRequest request) {
        List<Positioned<T>> positioned = new ArrayList<>(naturalOrder.size());
        for (int i = 0; i < naturalOrder.size(); i++) {
            positioned.add(new Positioned<>(naturalOrder.size() - i, naturalOrder.get(i)));
        }
        Page<Positioned<T>> page = walk(positioned.iterator(), Positioned::position, p -> filter.test(p.value()), request);
        return page.map(Positioned::value);
    }

    /** An item with its position, for sources whose items do not carry one. */
    public record Positioned<T>(long position, T value) {
    }
}
