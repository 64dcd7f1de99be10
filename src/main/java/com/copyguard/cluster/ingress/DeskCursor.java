package com.copyguard.cluster.ingress;

import com.copyguard.cluster.DeskKey;
import com.copyguard.core.refusal.InputRefused;
import com.copyguard.core.refusal.RefusalCode;
import java.nio.ByteBuffer;
import java.util.Base64;
import java.util.regex.Pattern;

/**
 * The cursor of a desk-wide list gathered from every shard: the {@link DeskKey} of the last item
 * of the previous page; the next page lists the items below it. Opaque like the single node's
 * cursor: a version byte, the mark and position as 8 bytes each and the shard as 2, base64url
 * without padding: always 26 characters, within the contract's 40.
 */
final class DeskCursor {
    private static final byte VERSION = 'k';
    private static final int BYTES = 1 + 8 + 2 + 8;
    private static final Pattern TOKEN = Pattern.compile("[A-Za-z0-9_-]{26}");

    private DeskCursor() {
    }

    static String encode(DeskKey key) {
        ByteBuffer b = ByteBuffer.allocate(BYTES).put(VERSION).putLong(key.mark()).putShort((short) key.shard())
                .putLong(key.position());
        return Base64.getUrlEncoder().withoutPadding().encodeToString(b.array());
    }

    /** The key a page's cursor names; {@code null}: the first page; anything else is 400 INVALID_CURSOR. */
    static DeskKey decode(String cursor, int shards) {
        if (cursor == null) {
            return null;
        }
        if (TOKEN.matcher(cursor).matches()) {
            try {
                ByteBuffer b = ByteBuffer.wrap(Base64.getUrlDecoder().decode(cursor));
                if (b.remaining() == BYTES && b.get() == VERSION) {
                    long mark = b.getLong();
                    int shard = Short.toUnsignedInt(b.getShort());
                    long position = b.getLong();
                    if (shard < shards) {
                        return new DeskKey(mark, shard, position);
                    }
                }
            } catch (IllegalArgumentException e) {
                // not ours (bad base64, or a key out of range): answered below
            }
        }
        throw notOurs(cursor);
    }

    static InputRefused notOurs(String cursor) {
        return new InputRefused(RefusalCode.INVALID_CURSOR, "cursor " + InputRefused.quote(cursor)
                + " is not a cursor this list returned");
    }
}
