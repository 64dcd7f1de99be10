package com.copyguard.durability;

import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;

/** Reads what {@link ByteSink} wrote, feeding every byte consumed through {@code digest}. */
final class ByteSource {
    private final InputStream in;
    private final MessageDigest digest;
    private final byte[] buf = new byte[1 << 16];
    private int pos;
    private int limit;

    ByteSource(InputStream in, MessageDigest digest) {
        this.in = in;
        this.digest = digest;
    }

    int read() throws IOException {
        if (pos == limit) {
            fill();
        }
        return buf[pos++] & 0xFF;
    }

    long varint() throws IOException {
        if (limit - pos >= 10) {
            byte[] b = buf;
            int p = pos;
            long v = 0;
            for (int shift = 0; shift < 64; shift += 7) {
                int x = b[p++];
                v |= (long) (x & 0x7F) << shift;
                if ((x & 0x80) == 0) {
                    pos = p;
                    return v;
                }
            }
            throw new IOException("malformed varint");
        }
        long v = 0;
        for (int shift = 0; shift < 64; shift += 7) {
            int b = read();
            v |= (long) (b & 0x7F) << shift;
            if ((b & 0x80) == 0) {
                return v;
            }
        }
        throw new IOException("malformed varint");
    }

    long zigzag() throws IOException {
        long v = varint();
        return (v >>> 1) ^ -(v & 1);
    }

    int length() throws IOException {
        long n = varint();
        if (n < 0 || n > Integer.MAX_VALUE - 16) {
            throw new IOException("implausible length " + n);
        }
        return (int) n;
    }

    byte[] bytes() throws IOException {
        byte[] out = new byte[length()];
        int done = 0;
        while (done < out.length) {
            if (pos == limit) {
                fill();
            }
            int n = Math.min(out.length - done, limit - pos);
            System.arraycopy(buf, pos, out, done, n);
            pos += n;
            done += n;
        }
        return out;
    }

    String utf8() throws IOException {
        return new String(bytes(), StandardCharsets.UTF_8);
    }

    /** True when every byte has been consumed (the digest then covers the whole body). */
    boolean atEnd() throws IOException {
        return pos == limit && !refill();
    }

    private void fill() throws IOException {
        if (!refill()) {
            throw new EOFException("snapshot body ends early");
        }
    }

    /** Reads the next chunk into the buffer; false at the end of the stream. */
    private boolean refill() throws IOException {
        int n = in.read(buf, 0, buf.length);
        if (n <= 0) {
            return false;
        }
        digest.update(buf, 0, n);
        pos = 0;
        limit = n;
        return true;
    }
}
