package com.copyguard.core.paging;

import com.copyguard.core.refusal.RefusalCode;
import com.copyguard.core.refusal.InputRefused;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.regex.Pattern;

/**
 * The opaque {@code cursor} of list endpoints: the position of the last item of the previous page,
 * versioned and base64url-encoded so that clients treat it as a token, not a number to compute with.
 */
public final class Cursor {
    private static final String PREFIX = "p1.";
    private static final int MAX_CHARS = 40;
    private static final Pattern TOKEN = Pattern.compile("[A-Za-z0-9_-]{1," + MAX_CHARS + "}");

    private Cursor() {
    }

    public static String encode(long position) {
        return Base64.getUrlEncoder().withoutPadding()
                .encodeToString((PREFIX + position).getBytes(StandardCharsets.US_ASCII));
    }

    /** The position a cursor names; a 400 INVALID_CURSOR for anything this class did not make. */
    public static long decode(String cursor) {
        if (cursor != null && TOKEN.matcher(cursor).matches()) {
            try {
                String text = new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.US_ASCII);
                if (text.startsWith(PREFIX)) {
                    long position = Long.parseLong(text.substring(PREFIX.length()));
                    if (position >= 0) {
                        return position;
                    }
                }
            } catch (IllegalArgumentException e) {
                // not ours: answered below
            }
        }
        throw new InputRefused(RefusalCode.INVALID_CURSOR, "cursor " + InputRefused.quote(cursor)
                + " is not a cursor this list returned");
    }
}
