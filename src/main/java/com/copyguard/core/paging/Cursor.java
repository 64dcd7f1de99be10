package com.copyguard.core.paging;

import com.copyguard.core.refusal.RefusalCode;
import com.copyguard.core.refusal.InputRefused;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.regex.Pattern;

/**
 * The opaque {@code cursor} of list endpoints: the position of the last item of the previous page,
 * versioned and base64url-encoded so that clients treat it as a token, not a number to compute with.
 * Lists walk newest first ({@code p1.}); the cursor a fan-out's reply gives for the rest of its
 * decisions or risk actions walks oldest first ({@code a1.}), continuing in the order they were made.
 */
public final class Cursor {
    private static final String PREFIX = "p1.";
    private static final String OLDEST_FIRST_PREFIX = "a1.";
    private static final int MAX_CHARS = 40;
    private static final Pattern TOKEN = Pattern.compile("[A-Za-z0-9_-]{1," + MAX_CHARS + "}");

    private Cursor() {
    }

    public static String encode(long position) {
        return token(PREFIX, position);
    }

    /** The cursor of an oldest-first walk that continues after {@code position}. */
    public static String encodeOldestFirst(long position) {
        return token(OLDEST_FIRST_PREFIX, position);
    }

    /** The position a (newest-first) cursor names; a 400 INVALID_CURSOR for anything this class did not make. */
    public static long decode(String cursor) {
        Long position = position(cursor, PREFIX);
        if (position == null) {
            throw notOurs(cursor);
        }
        return position;
    }

    /**
     * The page a cursor of either walk asks for ({@code null}: the first, newest first); a 400
     * INVALID_CURSOR for anything this class did not make.
     */
    public static PageRequest request(String cursor, int limit) {
        if (cursor == null) {
            return PageRequest.first(limit);
        }
        Long before = position(cursor, PREFIX);
        if (before != null) {
            return new PageRequest(limit, before);
        }
        Long after = position(cursor, OLDEST_FIRST_PREFIX);
        if (after != null) {
            return PageRequest.oldestFirstAfter(limit, after);
        }
        throw notOurs(cursor);
    }

    private static String token(String prefix, long position) {
        return Base64.getUrlEncoder().withoutPadding()
                .encodeToString((prefix + position).getBytes(StandardCharsets.US_ASCII));
    }

    private static Long position(String cursor, String prefix) {
        if (cursor != null && TOKEN.matcher(cursor).matches()) {
            try {
                String text = new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.US_ASCII);
                if (text.startsWith(prefix)) {
                    long position = Long.parseLong(text.substring(prefix.length()));
                    if (position >= 0) {
                        return position;
                    }
                }
            } catch (IllegalArgumentException e) {
                // not ours: the caller refuses it
            }
        }
        return null;
    }

    private static InputRefused notOurs(String cursor) {
        return new InputRefused(RefusalCode.INVALID_CURSOR, "cursor " + InputRefused.quote(cursor)
                + " is not a cursor this list returned");
    }
}
