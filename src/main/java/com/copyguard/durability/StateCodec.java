package com.copyguard.durability;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;

/**
 * Encodes a whole object graph (the engine) without per-class code, and reads it back into a
 * fresh instance. The state hash is SHA-256 over the encoding followed by the class descriptors,
 * so it covers every field of every state object, including fields added later.
 */
public final class StateCodec {
    private StateCodec() {
    }

    /** What one encoding produced. */
    public record Encoded(List<String> descriptors, String hash, long bytes) {
    }

    public static Encoded write(Object root, OutputStream out) {
        MessageDigest digest = sha256();
        ByteSink sink = new ByteSink(out, digest);
        StateWriter writer = new StateWriter(sink);
        writer.write(root);
        sink.flush();
        List<String> descriptors = writer.descriptors();
        return new Encoded(descriptors, finish(digest, descriptors), sink.count());
    }

    /** The state hash of {@code root}, computed without keeping the encoding. */
    public static String hash(Object root) {
        return write(root, OutputStream.nullOutputStream()).hash();
    }

    /**
     * Reads an encoding into {@code root} (an instance of the encoded root class, normally freshly
     * constructed) and checks that what was read hashes to {@code expectedHash}.
     */
    public static void readInto(Object root, InputStream body, List<String> descriptors, String expectedHash)
            throws SnapshotUnusableException, IOException {
        List<Shape> shapes = StateReader.resolve(descriptors);
        MessageDigest digest = sha256();
        ByteSource source = new ByteSource(body, digest);
        Object read = new StateReader(source, shapes).read(root);
        if (read != root) {
            throw new SnapshotUnusableException("the snapshot root is a " + (read == null ? "null" : read.getClass().getName())
                    + ", not a " + root.getClass().getName());
        }
        if (!source.atEnd()) {
            throw new SnapshotUnusableException("the snapshot body has bytes after the state");
        }
        String actual = finish(digest, descriptors);
        if (!actual.equals(expectedHash)) {
            throw new SnapshotUnusableException("the snapshot body hashes to " + actual + ", not the recorded " + expectedHash);
        }
    }

    private static String finish(MessageDigest digest, List<String> descriptors) {
        for (String d : descriptors) {
            digest.update(d.getBytes(StandardCharsets.UTF_8));
            digest.update((byte) '\n');
        }
        return HexFormat.of().formatHex(digest.digest());
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
