package com.copyguard.durability.snapshot;

import com.copyguard.durability.snapshot.SnapshotFormat;
import com.copyguard.durability.snapshot.StateEncoding;
import com.copyguard.core.engine.Engine;
import com.copyguard.core.engine.EngineState;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedOutputStream;
import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Pattern;
import java.util.zip.CRC32C;
import java.util.zip.CheckedOutputStream;
import java.util.zip.Deflater;
import java.util.zip.DeflaterOutputStream;
import java.util.zip.Inflater;
import java.util.zip.InflaterInputStream;

/**
 * Snapshot files under {@code <data-dir>/snapshots}, one per journal position:
 * {@code snapshot-<seq>.cgs} = magic ({@code CGSNAP} and the two-digit {@link SnapshotFormat#VERSION}),
 * deflated state encoding ({@link StateEncoding}), JSON trailer ({@link SnapshotMeta}), trailer
 * length, and a CRC32C of everything before it. Written to a temporary file, fsynced, then renamed
 * into place, so a crash leaves either the whole snapshot or none.
 */
public final class SnapshotStore {
    private static final String MAGIC_PREFIX = "CGSNAP";
    private static final byte[] MAGIC = String.format("%s%02d", MAGIC_PREFIX, SnapshotFormat.VERSION)
            .getBytes(StandardCharsets.US_ASCII);
    private static final ObjectMapper TRAILER = new ObjectMapper();
    private static final Pattern NAME = Pattern.compile("snapshot-(\\d{20})\\.cgs");
    private static final int TAIL = 4 + 8;

    private final Path dir;
    private final int keep;

    /** {@code keep}: how many of the newest snapshots to keep (older ones are deleted after a write). */
    public SnapshotStore(Path dataDir, int keep) {
        this.dir = dataDir.resolve("snapshots");
        this.keep = Math.max(1, keep);
    }

    public record SnapshotFile(long seq, Path path) {
    }

    public Path dir() {
        return dir;
    }

    /** Snapshot files present, newest first. */
    public List<SnapshotFile> list() throws IOException {
        List<SnapshotFile> out = new ArrayList<>();
        for (NumberedFiles.NumberedFile f : NumberedFiles.newestFirst(dir, NAME)) {
            out.add(new SnapshotFile(f.number(), f.path()));
        }
        return out;
    }

    /** Writes the engine's state at journal position {@code seq}; returns the trailer written. */
    public SnapshotMeta write(Engine engine, long seq, String ruleSet, long journalEntryCrc) throws IOException {
        Files.createDirectories(dir);
        Path target = dir.resolve(String.format("snapshot-%020d.cgs", seq));
        Path tmp = dir.resolve(target.getFileName() + ".tmp");
        SnapshotMeta meta;
        try (FileChannel ch = FileChannel.open(tmp, StandardOpenOption.CREATE, StandardOpenOption.TRUNCATE_EXISTING,
                StandardOpenOption.WRITE)) {
            CRC32C crc = new CRC32C();
            BufferedOutputStream buffered = new BufferedOutputStream(Channels.newOutputStream(ch), 1 << 16);
            CheckedOutputStream checked = new CheckedOutputStream(buffered, crc);
            checked.write(MAGIC);
            Deflater deflater = new Deflater(Deflater.BEST_SPEED);
            StateEncoding.Encoded encoded;
            try {
                DeflaterOutputStream z = new DeflaterOutputStream(new Unclosable(checked), deflater, 1 << 16);
                encoded = StateEncoding.write(engine.state(), z);
                z.finish();
            } finally {
                deflater.end();
            }
            meta = new SnapshotMeta(SnapshotMeta.FORMAT, seq, ruleSet, encoded.hash(), journalEntryCrc, "deflate",
                    encoded.bytes());
            byte[] trailer = TRAILER.writeValueAsBytes(meta);
            checked.write(trailer);
            checked.write(ByteBuffer.allocate(4).putInt(trailer.length).array());
            buffered.write(ByteBuffer.allocate(8).putLong(crc.getValue()).array());
            buffered.flush();
            ch.force(true);
        }
        NumberedFiles.install(tmp, target);
        NumberedFiles.prune(dir, NAME, keep, ".cgs.tmp");
        return meta;
    }

    /** A snapshot file whose checksum and trailer were verified; the body lies between the magic and {@code bodyEnd}. */
    public record Checked(SnapshotFile file, SnapshotMeta meta, long bodyEnd) {
    }

    /** Reads and checks a snapshot's trailer and whole-file checksum, without decoding the state. */
    public Checked check(SnapshotFile f) throws SnapshotUnusableException {
        try (FileChannel ch = FileChannel.open(f.path(), StandardOpenOption.READ)) {
            long size = ch.size();
            if (size < MAGIC.length + TAIL) {
                throw new SnapshotUnusableException(f.path() + " is truncated (" + size + " bytes)");
            }
            ByteBuffer tail = ByteBuffer.allocate(TAIL);
            readFully(ch, tail, size - TAIL);
            int trailerLength = tail.getInt(0);
            long storedCrc = tail.getLong(4);
            if (trailerLength <= 0 || trailerLength > size - MAGIC.length - TAIL) {
                throw new SnapshotUnusableException(f.path() + " has an implausible trailer length " + trailerLength);
            }
            CRC32C crc = new CRC32C();
            ByteBuffer chunk = ByteBuffer.allocate(1 << 16);
            long pos = 0;
            long end = size - 8;
            while (pos < end) {
                chunk.clear().limit((int) Math.min(chunk.capacity(), end - pos));
                int n = ch.read(chunk, pos);
                if (n <= 0) {
                    throw new SnapshotUnusableException(f.path() + " could not be read to the end");
                }
                chunk.flip();
                crc.update(chunk);
                pos += n;
            }
            if (crc.getValue() != storedCrc) {
                throw new SnapshotUnusableException(f.path() + " fails its checksum (damaged or incompletely written)");
            }
            ByteBuffer head = ByteBuffer.allocate(MAGIC.length);
            readFully(ch, head, 0);
            if (!Arrays.equals(head.array(), MAGIC)) {
                throw new SnapshotUnusableException(otherFormat(f, head.array()));
            }
            ByteBuffer trailer = ByteBuffer.allocate(trailerLength);
            readFully(ch, trailer, size - TAIL - trailerLength);
            SnapshotMeta meta = TRAILER.readValue(trailer.array(), SnapshotMeta.class);
            if (meta.format() != SnapshotMeta.FORMAT || meta.seq() != f.seq()) {
                throw new SnapshotUnusableException(f.path() + " has format " + meta.format() + " and seq " + meta.seq()
                        + "; expected format " + SnapshotMeta.FORMAT + " and seq " + f.seq());
            }
            if (!"deflate".equals(meta.compression())) {
                throw new SnapshotUnusableException(f.path() + " uses unknown compression " + meta.compression());
            }
            return new Checked(f, meta, size - TAIL - trailerLength);
        } catch (IOException e) {
            throw new SnapshotUnusableException(f.path() + " cannot be read: " + e.getMessage(), e);
        }
    }

    /**
     * Why a file with another header is refused: a snapshot of another format version (every snapshot
     * of builds before the explicit state mappings is format 1) is not converted; the journal holds
     * everything it held, so recovery replays it instead.
     */
    private static String otherFormat(SnapshotFile f, byte[] head) {
        String found = new String(head, StandardCharsets.US_ASCII);
        if (!found.startsWith(MAGIC_PREFIX)) {
            return f.path() + " is not a copyguard snapshot";
        }
        return f.path() + " is in snapshot format " + found.substring(MAGIC_PREFIX.length())
                + " and this build reads only format " + String.format("%02d", SnapshotFormat.VERSION)
                + " (snapshots are not converted between formats: replay the journal, which holds everything the "
                + "snapshot did; recovery does so by itself and the next snapshot is written in this build's format)";
    }

    /** Decodes a checked snapshot's state into {@code engine} (freshly constructed) and checks its hash. */
    public void restore(Checked c, Engine engine) throws SnapshotUnusableException {
        try (FileChannel ch = FileChannel.open(c.file().path(), StandardOpenOption.READ)) {
            ch.position(MAGIC.length);
            InputStream body = new BoundedInputStream(Channels.newInputStream(ch), c.bodyEnd() - MAGIC.length);
            Inflater inflater = new Inflater();
            EngineState state;
            try {
                state = StateEncoding.read(new InflaterInputStream(body, inflater, 1 << 16), c.meta().stateHash());
            } finally {
                inflater.end();
            }
            engine.restore(state);
        } catch (IOException | RuntimeException e) {
            throw new SnapshotUnusableException(c.file().path() + " cannot be decoded: " + e.getMessage(), e);
        }
    }

    private static void readFully(FileChannel ch, ByteBuffer buf, long position) throws IOException {
        while (buf.hasRemaining()) {
            int n = ch.read(buf, position + buf.position());
            if (n < 0) {
                throw new IOException("unexpected end of file");
            }
        }
    }

    private static final class Unclosable extends FilterOutputStream {
        Unclosable(OutputStream out) {
            super(out);
        }

        @Override
        public void write(byte[] b, int off, int len) throws IOException {
            out.write(b, off, len);
        }

        @Override
        public void close() throws IOException {
            flush();
        }
    }

    private static final class BoundedInputStream extends InputStream {
        private final InputStream in;
        private long remaining;

        BoundedInputStream(InputStream in, long limit) {
            this.in = in;
            this.remaining = limit;
        }

        @Override
        public int read() throws IOException {
            if (remaining <= 0) {
                return -1;
            }
            int b = in.read();
            if (b >= 0) {
                remaining--;
            }
            return b;
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            if (remaining <= 0) {
                return -1;
            }
            int n = in.read(b, off, (int) Math.min(len, remaining));
            if (n > 0) {
                remaining -= n;
            }
            return n;
        }
    }
}
