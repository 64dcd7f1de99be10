package com.copyguard.engine;

import com.copyguard.command.ApiException;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.function.Function;
import java.util.function.ToLongFunction;

/**
 * One page of a list served newest first: {@code {items, nextCursor}}. The cursor is opaque to
 * clients (base64 of the sort key of the last item served); the next page holds the items with a
 * smaller key. Kept in this one class so that it can be folded into a shared pagination later.
 */
public record CursorPage(int limit, Long before) {
    public static final int DEFAULT_LIMIT = 50;
    public static final int MAX_LIMIT = 500;

    /** Reads {@code limit} (1–500, default 50) and {@code cursor}; 400 INVALID_FIELD otherwise. */
    public static CursorPage of(String limit, String cursor) {
        int n = DEFAULT_LIMIT;
        if (limit != null) {
            try {
                n = Integer.parseInt(limit);
            } catch (NumberFormatException e) {
                throw ApiException.invalid("limit must be a whole number from 1 to " + MAX_LIMIT);
            }
            if (n < 1 || n > MAX_LIMIT) {
                throw ApiException.invalid("limit must be a whole number from 1 to " + MAX_LIMIT);
            }
        }
        return new CursorPage(n, cursor == null || cursor.isEmpty() ? null : decode(cursor));
    }

    private static long decode(String cursor) {
        try {
            String text = new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.UTF_8);
            if (!text.startsWith("k:")) {
                throw new IllegalArgumentException();
            }
            return Long.parseLong(text.substring(2));
        } catch (IllegalArgumentException e) {
            throw ApiException.invalid("cursor is not one this service issued");
        }
    }

    static String encode(long key) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(("k:" + key).getBytes(StandardCharsets.UTF_8));
    }

    /**
     * The page of {@code newestFirst} (sorted by descending {@code key}) after the cursor, each item
     * rendered by {@code view}.
     */
    public <T> ObjectNode page(List<T> newestFirst, ToLongFunction<T> key, Function<T, ObjectNode> view) {
        ObjectNode n = Json.object();
        ArrayNode items = n.putArray("items");
        T last = null;
        boolean more = false;
        for (T t : newestFirst) {
            if (before != null && key.applyAsLong(t) >= before) {
                continue;
            }
            if (items.size() == limit) {
                more = true;
                break;
            }
            items.add(view.apply(t));
            last = t;
        }
        if (more) {
            n.put("nextCursor", encode(key.applyAsLong(last)));
        } else {
            n.putNull("nextCursor");
        }
        return n;
    }
}
