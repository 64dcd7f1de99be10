package com.copyguard.durability.snapshot;

import com.copyguard.durability.Engines;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.copyguard.core.engine.Engine;
import java.io.RandomAccessFile;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SnapshotStoreTest {
    @TempDir
    Path dir;

    @Test
    void writesChecksAndRestoresASnapshot() throws Exception {
        Engines.Built built = Engines.build(3, 400);
        SnapshotStore store = new SnapshotStore(dir, 2);
        SnapshotMeta meta = store.write(built.engine(), 42, "v1", 1234);

        SnapshotStore.SnapshotFile f = store.list().get(0);
        assertThat(f.seq()).isEqualTo(42);
        SnapshotStore.Checked checked = store.check(f);
        assertThat(checked.meta()).isEqualTo(meta);
        assertThat(meta.stateHash()).isEqualTo(StateHash.of(built.engine()));
        Engine fresh = Engines.fresh();
        store.restore(checked, fresh);
        assertThat(StateHash.of(fresh)).isEqualTo(meta.stateHash());
    }

    @Test
    void aDamagedOrTruncatedSnapshotFailsItsCheck() throws Exception {
        SnapshotStore store = new SnapshotStore(dir, 2);
        store.write(Engines.build(5, 100).engine(), 7, "v1", 0);
        SnapshotStore.SnapshotFile f = store.list().get(0);
        try (RandomAccessFile raf = new RandomAccessFile(f.path().toFile(), "rw")) {
            raf.seek(raf.length() / 2);
            int b = raf.read();
            raf.seek(raf.length() / 2);
            raf.write(b ^ 0x40);
        }
        assertThatThrownBy(() -> store.check(f)).isInstanceOf(SnapshotUnusableException.class)
                .hasMessageContaining("fails its checksum");
        try (RandomAccessFile raf = new RandomAccessFile(f.path().toFile(), "rw")) {
            raf.setLength(raf.length() - 100);
        }
        assertThatThrownBy(() -> store.check(f)).isInstanceOf(SnapshotUnusableException.class);
    }

    @Test
    void keepsOnlyTheNewestAndIgnoresLeftoverTemporaryFiles() throws Exception {
        SnapshotStore store = new SnapshotStore(dir, 2);
        Engine e = Engines.build(9, 50).engine();
        Files.createDirectories(store.dir());
        Files.writeString(store.dir().resolve("snapshot-00000000000000000099.cgs.tmp"), "half written");
        for (long seq : new long[] {10, 20, 30}) {
            store.write(e, seq, "v1", 0);
        }
        assertThat(store.list()).extracting(SnapshotStore.SnapshotFile::seq).containsExactly(30L, 20L);
        try (var files = Files.list(store.dir())) {
            assertThat(files.map(p -> p.getFileName().toString())).noneMatch(n -> n.endsWith(".tmp"));
        }
    }
}
