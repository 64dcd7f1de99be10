package com.copyguard.cluster.ingress;

import com.copyguard.core.refusal.InputRefused;
import com.copyguard.core.refusal.RefusalCode;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The cursor of a desk-wide list gathered from every shard: the shard the next page starts at and
 * the position on it to continue below (shards before it are done, shards after it start from
 * their newest). Opaque like the single node's cursor and as short (at most 40 characters for up
 * to 9,000 shards), so it fits the contract's {@code cursor} parameter.
 */
record DeskCursor(int shard, long before) {
    static final DeskCursor FIRST = new DeskCursor(0, Long.MAX_VALUE);
    private static final String PREFIX = "g1.";
    private static final Pattern TEXT = Pattern.compile("g1\\.(\\d{1,4})\\.(\\d{1,19})");
    private static final Pattern TOKEN = Pattern.compile("[A-Za-z0-9_-]{1,40}");

    String encode() {
        return Base64.getUrlEncoder().withoutPadding()
                .encodeToString((PREFIX + shard + "." + before).getBytes(StandardCharsets.US_ASCII));
    }

    /** The cursor a page returned; {@code null}: the first page; anything else is 400 INVALID_CURSOR. */
    static DeskCursor decode(String cursor, int shards) {
        if (cursor == null) {
            return FIRST;
        }
        if (TOKEN.matcher(cursor).matches()) {
            try {
                Matcher m = TEXT.matcher(new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.US_ASCII));
                if (m.matches()) {
                    int shard = Integer.parseInt(m.group(1));
                    long before = Long.parseLong(m.group(2));
                    if (shard < shards) {
                        return new DeskCursor(shard, before);
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
