package com.copyguard.cluster.sequencer;

import com.copyguard.durability.snapshot.SnapshotUnusableException;
import com.copyguard.json.Json;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.copyguard.durability.snapshot.NumberedFiles;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Snapshots of the sequencer's {@link SeatLedger}, so a restarted sequencer replays {@code cg.seq}
 * only from its newest snapshot instead of from offset 0. One small JSON file per snapshot,
 * {@code <root>/sequencer-<seq topic>/seats-<offset>.json}: format, the {@code cg.seq} topic, the
 * offset of the first record the state has NOT absorbed, the shard count, the ledger's canonical
 * state ({@link SeatLedger#state}) and the SHA-256 of all of those. The hash is checked against the
 * state as read back, so a torn or edited file is refused and recovery falls back to an older
 * snapshot, or to offset 0: never to a wrong state. Written to a temporary file, fsynced, renamed
 * into place; the newest {@value #KEEP} are kept.
 */
public final class SeatSnapshots {
    private static final Logger LOG = LoggerFactory.getLogger(SeatSnapshots.class);
    static final int FORMAT = 1;
    static final int KEEP = 3;
    private static final Pattern NAME = Pattern.compile("seats-(\\d{20})\\.json");

    private final Path dir;
    private final String topic;
    private final int shards;

    SeatSnapshots(Path root, String seqTopic, int shards) {
        this.dir = dir(root, seqTopic);
        this.topic = seqTopic;
        this.shards = shards;
    }

    /** Where the sequencer of {@code seqTopic} keeps its snapshots under {@code --snapshot-dir} {@code root}. */
    public static Path dir(Path root, String seqTopic) {
        return root.resolve("sequencer-" + seqTopic);
    }

    /** A snapshot's file name: its offset, zero padded, so names sort as offsets do. */
    public static String fileName(long offset) {
        return String.format("seats-%020d.json", offset);
    }

    Path dir() {
        return dir;
    }

    /** A snapshot file present: its offset and path. */
    record SnapshotFile(long offset, Path path) {
    }

    /** A usable snapshot: the ledger restored and the offset its replay starts from. */
    record Restored(SeatLedger seats, long offset) {
    }

    /** Snapshot files present, newest first. */
    List<SnapshotFile> list() throws IOException {
        List<SnapshotFile> out = new ArrayList<>();
        for (NumberedFiles.NumberedFile f : NumberedFiles.newestFirst(dir, NAME)) {
            out.add(new SnapshotFile(f.number(), f.path()));
        }
        return out;
    }

    /**
     * Writes {@code seats} as the state before {@code cg.seq} offset {@code offset}. The caller
     * guarantees that state is committed: every record it absorbed is before the sequencer's
     * committed offset, and none after.
     */
    void write(SeatLedger seats, long offset) throws IOException {
        Files.createDirectories(dir);
        Path target = dir.resolve(fileName(offset));
        Path tmp = dir.resolve(target.getFileName() + ".tmp");
        byte[] bytes = encode(seats, topic, offset, shards);
        try (FileChannel ch = FileChannel.open(tmp, StandardOpenOption.CREATE, StandardOpenOption.TRUNCATE_EXISTING,
                StandardOpenOption.WRITE)) {
            ByteBuffer b = ByteBuffer.wrap(bytes);
            while (b.hasRemaining()) {
                ch.write(b);
            }
            ch.force(true);
        }
        NumberedFiles.install(tmp, target);
        NumberedFiles.prune(dir, NAME, KEEP, ".json.tmp");
    }

    /**
     * The newest usable snapshot whose offset is at most {@code committed} (a later one would hold
     * the effect of records this sequencer's group never committed), or empty: replay from 0.
     */
    Optional<Restored> newest(long committed) {
        try {
            for (SnapshotFile f : list()) {
                if (f.offset() > committed) {
                    LOG.warn("sequencer snapshot {} not used: it is past the committed offset {}", f.path(), committed);
                    continue;
                }
                try {
                    return Optional.of(new Restored(decode(Files.readAllBytes(f.path()), topic, f.offset(), shards), f.offset()));
                } catch (IOException | SnapshotUnusableException e) {
                    LOG.warn("sequencer snapshot {} not used: {}", f.path(), e.getMessage());
                }
            }
        } catch (IOException e) {
            LOG.warn("cannot list sequencer snapshots in {} ({}); replaying {} from 0", dir, e.getMessage(), topic);
        }
        return Optional.empty();
    }

    static byte[] encode(SeatLedger seats, String topic, long offset, int shards) {
        ObjectNode n = header(topic, offset, shards, seats.state());
        n.put("sha256", SeatLedger.sha256(SeatLedger.bytes(n)));
        return SeatLedger.bytes(n);
    }

    /** What the hash covers: everything in the file but the hash, in this order. */
    private static ObjectNode header(String topic, long offset, int shards, ObjectNode state) {
        ObjectNode n = Json.object();
        n.put("format", FORMAT).put("topic", topic).put("offset", offset).put("shards", shards);
        n.set("state", state);
        return n;
    }

    /**
     * The ledger in a snapshot file expected to hold {@code topic}'s state at {@code offset} over
     * {@code shards} shards; refused unless it is exactly that, hash included.
     */
    static SeatLedger decode(byte[] bytes, String topic, long offset, int shards) throws SnapshotUnusableException {
        JsonNode n;
        try {
            n = Json.MAPPER.readTree(bytes);
        } catch (IOException e) {
            throw new SnapshotUnusableException("it is not whole JSON (torn?): " + e.getMessage(), e);
        }
        if (n == null || !n.isObject()) {
            throw new SnapshotUnusableException("it is not a JSON object");
        }
        if (n.path("format").asInt(-1) != FORMAT) {
            throw new SnapshotUnusableException("it has format " + n.path("format") + ", this build reads " + FORMAT);
        }
        if (!topic.equals(n.path("topic").asText()) || n.path("offset").asLong(-1) != offset
                || n.path("shards").asInt(-1) != shards) {
            throw new SnapshotUnusableException("it holds " + n.path("topic") + " at offset " + n.path("offset") + " over "
                    + n.path("shards") + " shards; expected " + topic + " at " + offset + " over " + shards);
        }
        SeatLedger seats;
        try {
            seats = SeatLedger.fromState(n.path("state"), shards);
        } catch (RuntimeException e) {
            throw new SnapshotUnusableException("its state does not read: " + e.getMessage(), e);
        }
        String expected = SeatLedger.sha256(SeatLedger.bytes(header(topic, offset, shards, seats.state())));
        if (!expected.equals(n.path("sha256").asText())) {
            throw new SnapshotUnusableException("its state does not match its hash (edited or damaged)");
        }
        return seats;
    }
}
