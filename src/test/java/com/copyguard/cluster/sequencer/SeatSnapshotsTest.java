package com.copyguard.cluster.sequencer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.copyguard.durability.snapshot.SnapshotUnusableException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The sequencer's seat snapshots: a snapshot restores a ledger that holds and decides the same
 * seats; a torn, edited or foreign file is refused, and recovery takes the newest usable snapshot
 * at or before the committed offset, or none.
 */
class SeatSnapshotsTest {
    private static final String TOPIC = "cg.seq";
    private static final int SHARDS = 4;

    @TempDir
    Path root;

    /** Grants in flight on several shards, reports (one answered grant), an expert forgotten, negative-free counts. */
    private static SeatLedger busy() {
        SeatLedger seats = new SeatLedger(SHARDS);
        seats.grant(10, "E", 1);
        seats.grant(11, "E", 2);
        seats.grant(12, "F", 3);
        seats.report(new SeatRecords.Report(1, 100, 10L, Map.of("E", 1)));
        seats.report(new SeatRecords.Report(3, 7, null, Map.of("G", 4, "F", 2)));
        seats.grant(13, "H", 0);
        seats.report(new SeatRecords.Report(0, 5, 13L, Map.of())); // H refused: forgotten
        return seats;
    }

    @Test
    void aSnapshotRestoresTheSameSeatsAndTheyDecideAlike() throws Exception {
        SeatLedger live = busy();
        SeatLedger restored = SeatSnapshots.decode(SeatSnapshots.encode(live, TOPIC, 500, SHARDS), TOPIC, 500, SHARDS);

        assertThat(restored.hash()).isEqualTo(live.hash());
        assertThat(restored.state()).isEqualTo(live.state());
        assertThat(restored.inFlight()).isEqualTo(2);
        for (String e : new String[] {"E", "F", "G", "H"}) {
            assertThat(restored.seatsTaken(e)).as(e).isEqualTo(live.seatsTaken(e));
        }
        // the same records after the snapshot give the same grants and the same state
        for (SeatLedger s : new SeatLedger[] {live, restored}) {
            s.report(new SeatRecords.Report(2, 101, 11L, Map.of("E", 1)));
            s.report(new SeatRecords.Report(1, 100, null, Map.of("E", 9))); // seen offset: dropped in both
        }
        assertThat(restored.grant(600, "E", 3)).isEqualTo(live.grant(600, "E", 3));
        assertThat(restored.grant(601, "F", 0)).isEqualTo(live.grant(601, "F", 0));
        assertThat(restored.hash()).isEqualTo(live.hash());
        assertThat(live.seatsTaken("E")).isEqualTo(3);
    }

    @Test
    void anEmptyLedgerRoundTrips() throws Exception {
        SeatLedger empty = new SeatLedger(SHARDS);
        assertThat(SeatSnapshots.decode(SeatSnapshots.encode(empty, TOPIC, 0, SHARDS), TOPIC, 0, SHARDS).hash())
                .isEqualTo(empty.hash());
    }

    @Test
    void aTornFileIsRefused() {
        byte[] whole = SeatSnapshots.encode(busy(), TOPIC, 500, SHARDS);
        for (int cut : new int[] {0, 1, whole.length / 2, whole.length - 1}) {
            byte[] torn = Arrays.copyOf(whole, cut);
            assertThatThrownBy(() -> SeatSnapshots.decode(torn, TOPIC, 500, SHARDS)).as("cut at " + cut)
                    .isInstanceOf(SnapshotUnusableException.class);
        }
    }

    @Test
    void anEditedFileIsRefusedEvenWhenItStillReads() {
        String text = new String(SeatSnapshots.encode(busy(), TOPIC, 500, SHARDS), StandardCharsets.UTF_8);
        assertThat(text).contains("[\"G\",3,4]");
        // a count changed: well-formed, a plausible ledger, and wrong
        assertThatThrownBy(() -> SeatSnapshots.decode(bytes(text.replace("[\"G\",3,4]", "[\"G\",3,3]")), TOPIC, 500, SHARDS))
                .isInstanceOf(SnapshotUnusableException.class).hasMessageContaining("hash");
        // an open grant dropped
        assertThatThrownBy(() -> SeatSnapshots.decode(bytes(text.replace("[11,\"E\",2],", "")), TOPIC, 500, SHARDS))
                .isInstanceOf(SnapshotUnusableException.class).hasMessageContaining("hash");
        // the offset moved inside the file (its name says 500)
        assertThatThrownBy(() -> SeatSnapshots.decode(bytes(text.replace("\"offset\":500", "\"offset\":499")), TOPIC, 500, SHARDS))
                .isInstanceOf(SnapshotUnusableException.class);
        // a grant on a shard that does not exist
        assertThatThrownBy(() -> SeatSnapshots.decode(bytes(text.replace("[12,\"F\",3]", "[12,\"F\",9]")), TOPIC, 500, SHARDS))
                .isInstanceOf(SnapshotUnusableException.class).hasMessageContaining("shard 9");
    }

    @Test
    void anotherTopicsOrShardCountsSnapshotIsRefused() {
        byte[] b = SeatSnapshots.encode(busy(), TOPIC, 500, SHARDS);
        assertThatThrownBy(() -> SeatSnapshots.decode(b, "other.seq", 500, SHARDS)).isInstanceOf(SnapshotUnusableException.class);
        assertThatThrownBy(() -> SeatSnapshots.decode(b, TOPIC, 500, 8)).isInstanceOf(SnapshotUnusableException.class);
        assertThatThrownBy(() -> SeatSnapshots.decode(b, TOPIC, 501, SHARDS)).isInstanceOf(SnapshotUnusableException.class);
    }

    @Test
    void recoveryTakesTheNewestUsableSnapshotAtOrBeforeTheCommittedOffset() throws Exception {
        SeatSnapshots store = new SeatSnapshots(root, TOPIC, SHARDS);
        SeatLedger seats = new SeatLedger(SHARDS);
        String[] hashes = new String[4];
        long[] offsets = {100, 200, 300, 400};
        for (int i = 0; i < offsets.length; i++) {
            seats.grant(offsets[i] - 1, "E", i);
            hashes[i] = seats.hash();
            store.write(seats, offsets[i]);
        }
        // the newest 3 kept, nothing else (no temporary file) left beside them
        try (var files = Files.list(store.dir())) {
            assertThat(files.map(p -> p.getFileName().toString()).sorted().toList()).containsExactly(
                    SeatSnapshots.fileName(200), SeatSnapshots.fileName(300), SeatSnapshots.fileName(400));
        }
        assertThat(store.dir()).isEqualTo(SeatSnapshots.dir(root, TOPIC));

        assertRestores(store.newest(400), 400, hashes[3]);
        assertRestores(store.newest(1_000), 400, hashes[3]);
        // a snapshot past the committed offset holds records never committed: the one before it
        assertRestores(store.newest(399), 300, hashes[2]);
        assertRestores(store.newest(300), 300, hashes[2]);
        assertThat(store.newest(199)).isEmpty(); // older ones pruned: replay from 0

        // the newest damaged: the next older one; all damaged: none
        tear(store.dir().resolve(SeatSnapshots.fileName(400)));
        assertRestores(store.newest(400), 300, hashes[2]);
        Files.writeString(store.dir().resolve(SeatSnapshots.fileName(300)), "{}");
        assertRestores(store.newest(400), 200, hashes[1]);
        tear(store.dir().resolve(SeatSnapshots.fileName(200)));
        assertThat(store.newest(400)).isEmpty();
    }

    @Test
    void noDirectoryMeansNoSnapshot() {
        assertThat(new SeatSnapshots(root.resolve("absent"), TOPIC, SHARDS).newest(Long.MAX_VALUE)).isEmpty();
    }

    @Test
    void aSnapshotOfAnotherTopicInTheSameRootIsNotSeen() throws Exception {
        new SeatSnapshots(root, "a.seq", SHARDS).write(busy(), 50);
        assertThat(new SeatSnapshots(root, "b.seq", SHARDS).newest(100)).isEmpty();
        assertThat(new SeatSnapshots(root, "a.seq", SHARDS).newest(100)).isPresent();
    }

    private static void assertRestores(Optional<SeatSnapshots.Restored> r, long offset, String hash) {
        assertThat(r).isPresent();
        assertThat(r.get().offset()).isEqualTo(offset);
        assertThat(r.get().seats().hash()).isEqualTo(hash);
    }

    private static void tear(Path p) throws IOException {
        byte[] b = Files.readAllBytes(p);
        Files.write(p, Arrays.copyOf(b, b.length - 3));
    }

    private static byte[] bytes(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }
}
