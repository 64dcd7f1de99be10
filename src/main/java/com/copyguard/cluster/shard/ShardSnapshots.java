package com.copyguard.cluster.shard;

import com.copyguard.durability.snapshot.SnapshotStore;
import com.copyguard.durability.snapshot.SnapshotUnusableException;
import com.copyguard.core.engine.Engine;
import com.copyguard.core.rules.ActiveRules;
import com.copyguard.core.rules.RuleSet;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Snapshots of shard engines, tagged with the shard-log offset of the next record to apply, in
 * {@code <root>/shard-<p>/} (the single-node snapshot format, its "seq" being that offset).
 * {@code root} must be storage every worker can read (a shared volume) so that a partition's new
 * owner starts from its previous owner's snapshot; a worker that finds none replays the log from
 * its start. Beside each snapshot lies the rule activation it runs under.
 */
public final class ShardSnapshots {
    private static final Logger LOG = LoggerFactory.getLogger(ShardSnapshots.class);
    private static final int KEEP = 2;
    private final Path root;

    public ShardSnapshots(Path root) {
        this.root = root;
    }

    private SnapshotStore store(int shard) {
        return new SnapshotStore(root.resolve("shard-" + shard), KEEP);
    }

    /** Writes {@code shard}'s state; only ever called with state whose input offsets are committed. */
    public void write(ShardEngine shard) throws IOException {
        SnapshotStore store = store(shard.shard());
        Files.createDirectories(store.dir());
        Path rules = store.dir().resolve(String.format("activation-%020d.json", shard.nextOffset()));
        if (shard.lastActivation() != null) {
            Files.writeString(rules, shard.lastActivation(), StandardCharsets.UTF_8);
        }
        store.write(shard.engine(), shard.nextOffset(), shard.engine().rules().get().version(), 0);
        for (Path p : Files.list(store.dir()).toList()) {
            String name = p.getFileName().toString();
            if (name.startsWith("activation-") && !Files.exists(store.dir().resolve(
                    name.replace("activation-", "snapshot-").replace(".json", ".cgs")))) {
                Files.deleteIfExists(p);
            }
        }
    }

    /**
     * The newest usable snapshot of {@code shard} whose offset is at most {@code committed} (a later
     * one would hold inputs whose replies were never committed), or empty.
     */
    public Optional<ShardEngine> newest(int shard, int shards, long committed, RuleSet rules) {
        SnapshotStore store = store(shard);
        try {
            for (SnapshotStore.SnapshotFile f : store.list()) {
                if (f.seq() > committed) {
                    continue;
                }
                try {
                    SnapshotStore.Checked checked = store.check(f);
                    ShardEvents events = new ShardEvents();
                    SeatWatch seats = new SeatWatch();
                    Engine engine = events.engine(rules, seats);
                    store.restore(checked, engine);
                    Path activation = store.dir().resolve(String.format("activation-%020d.json", f.seq()));
                    String rulesJson = Files.exists(activation) ? Files.readString(activation, StandardCharsets.UTF_8) : null;
                    return Optional.of(ShardEngine.restored(shard, shards, engine, events, seats, rulesJson, f.seq()));
                } catch (SnapshotUnusableException e) {
                    LOG.warn("shard {}: snapshot {} not used: {}", shard, f.path(), e.getMessage());
                }
            }
        } catch (IOException e) {
            LOG.warn("shard {}: cannot list snapshots ({}); replaying the log from its start", shard, e.getMessage());
        }
        return Optional.empty();
    }
}
