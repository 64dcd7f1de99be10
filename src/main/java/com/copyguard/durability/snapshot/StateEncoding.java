package com.copyguard.durability.snapshot;

import com.copyguard.core.engine.EngineState;
import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.security.DigestInputStream;
import java.security.DigestOutputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * The canonical encoding of an {@link EngineState} (see {@link SnapshotFormat}) and the state hash:
 * SHA-256 over exactly those bytes. Everything unordered in the live state is ordered in the state
 * records, so equal states give equal bytes and equal hashes.
 */
public final class StateEncoding {
    private StateEncoding() {
    }

    /** What one encoding produced: the state hash and the size of the (uncompressed) encoding. */
    public record Encoded(String hash, long bytes) {
    }

    public static Encoded write(EngineState state, OutputStream out) throws IOException {
        MessageDigest digest = sha256();
        Counting counting = new Counting(out);
        // the generator must not close the caller's stream: the snapshot file goes on after the body
        try (StateOutput o = SnapshotFormat.output(new DigestOutputStream(counting, digest) {
            @Override
            public void close() throws IOException {
                flush();
            }
        })) {
            EngineStateMapping.write(o, state);
        }
        return new Encoded(HexFormat.of().formatHex(digest.digest()), counting.count);
    }

    /** The state hash of {@code state}, computed without keeping the encoding. */
    public static String hash(EngineState state) {
        try {
            return write(state, OutputStream.nullOutputStream()).hash();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Reads an encoding to its end and checks that it hashes to {@code expectedHash}.
     *
     * @throws StateMappingException when the bytes are not this build's state encoding or hash otherwise
     */
    public static EngineState read(InputStream in, String expectedHash) throws IOException {
        MessageDigest digest = sha256();
        EngineState state;
        try (StateInput input = SnapshotFormat.input(new DigestInputStream(in, digest))) {
            state = EngineStateMapping.read(input);
            if (!input.atEnd()) {
                throw new StateMappingException("the snapshot body has bytes after the state");
            }
        }
        String actual = HexFormat.of().formatHex(digest.digest());
        if (!actual.equals(expectedHash)) {
            throw new StateMappingException("the snapshot body hashes to " + actual + ", not the recorded " + expectedHash);
        }
        return state;
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static final class Counting extends FilterOutputStream {
        private long count;

        Counting(OutputStream out) {
            super(out);
        }

        @Override
        public void write(int b) throws IOException {
            out.write(b);
            count++;
        }

        @Override
        public void write(byte[] b, int off, int len) throws IOException {
            out.write(b, off, len);
            count += len;
        }
    }
}
