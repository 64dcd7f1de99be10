package com.copyguard.durability;

import com.copyguard.durability.snapshot.SnapshotStore;
import com.copyguard.durability.snapshot.SnapshotUnusableException;
import com.copyguard.durability.snapshot.StateHash;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.copyguard.core.command.Command;
import com.copyguard.durability.journal.CommandCodec;
import com.copyguard.durability.journal.JournalEntry;
import com.copyguard.durability.journal.SqliteJournal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A snapshot written by the reflective codec of earlier builds (format 1; the fixture was written by
 * that codec for the journal of {@code Engines.build(3, 60)} at entry 20) is refused with a message
 * that tells the operator the journal is replayed, and recovery then replays the journal.
 */
class OldSnapshotFormatTest {
    private static final Path FORMAT_1 = Path.of("src/test/resources/snapshots/format-1-reflective-codec.cgs");

    @TempDir
    Path dir;

    private Path installed(Path dataDir) throws Exception {
        Path snapshots = Files.createDirectories(dataDir.resolve("snapshots"));
        return Files.copy(FORMAT_1, snapshots.resolve("snapshot-00000000000000000020.cgs"));
    }

    @Test
    void aFormatOneSnapshotIsRefusedWithWhatToDo() throws Exception {
        SnapshotStore store = new SnapshotStore(dir, 2);
        installed(dir);
        SnapshotStore.SnapshotFile f = store.list().get(0);
        assertThatThrownBy(() -> store.check(f))
                .isInstanceOf(SnapshotUnusableException.class)
                .hasMessageContaining("snapshot format 01")
                .hasMessageContaining("reads only format 02")
                .hasMessageContaining("replay the journal");
    }

    @Test
    void recoveryReplaysTheJournalInsteadOfAFormatOneSnapshot() throws Exception {
        Engines.Built built = Engines.build(3, 60);
        List<JournalEntry> entries = new ArrayList<>();
        for (Command c : built.journal()) {
            entries.add(new JournalEntry(entries.size() + 1, "v2", CommandCodec.encode(c)));
        }
        Path data = dir.resolve("data");
        try (SqliteJournal journal = new SqliteJournal(data)) {
            journal.append(entries);
            installed(data);
            RecoveredState state = StateRecovery.recover(journal, new SnapshotStore(data, 2), Engines::fresh, null, false);
            assertThat(state.snapshotSeq()).as("no snapshot used: a full replay").isZero();
            assertThat(state.replayed()).isEqualTo(entries.size());
            assertThat(StateHash.of(state.engine())).isEqualTo(StateHash.of(built.engine()));
        }
    }
}
