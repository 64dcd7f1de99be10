package com.copyguard.durability;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;

/**
 * An unsynchronized buffered writer of the snapshot encoding's primitives (bytes, varints,
 * UTF-8). Every byte also goes through {@code digest}, so the state hash costs no second pass.
 */
final class ByteSink {
    private final OutputStream out;
    private final MessageDigest digest;
    private final byte[] buf = new byte[1 << 16];
    private int pos;
    private long count;

    ByteSink(OutputStream out, MessageDigest digest) {
        this.out = out;
        this.digest = digest;
    }

    void write(int b) {
        if (pos == buf.length) {
            drain();
        }
        buf[pos++] = (byte) b;
    }

    void bytes(byte[] b) {
        varint(b.length);
        if (b.length > buf.length - pos) {
            drain();
            if (b.length > buf.length) {
                digest.update(b);
                writeOut(b, b.length);
                count += b.length;
                return;
            }
        }
        System.arraycopy(b, 0, buf, pos, b.length);
        pos += b.length;
    }

    /** Unsigned LEB128. */
    void varint(long v) {
        if (buf.length - pos >= 10) {
            byte[] b = buf;
            int p = pos;
            while ((v & ~0x7FL) != 0) {
                b[p++] = (byte) ((v & 0x7F) | 0x80);
                v >>>= 7;
            }
            b[p++] = (byte) v;
            pos = p;
            return;
        }
        while ((v & ~0x7FL) != 0) {
            write((int) ((v & 0x7F) | 0x80));
            v >>>= 7;
        }
        write((int) v);
    }

    void zigzag(long v) {
        varint((v << 1) ^ (v >> 63));
    }

    void utf8(String s) {
        bytes(s.getBytes(StandardCharsets.UTF_8));
    }

    /** Pushes buffered bytes through the digest and to the stream. */
    void flush() {
        drain();
        try {
            out.flush();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    long count() {
        return count + pos;
    }

    private void drain() {
        if (pos > 0) {
            digest.update(buf, 0, pos);
            writeOut(buf, pos);
            count += pos;
            pos = 0;
        }
    }

    private void writeOut(byte[] b, int len) {
        try {
            out.write(b, 0, len);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
