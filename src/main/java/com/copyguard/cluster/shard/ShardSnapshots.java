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
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Snapshots of shard engines, tagged with the shard-log offset of the next record to apply, in
 * {@code <root>/shard-<p>/} (the single-node snapshot format, its "seq" being that offset).
 * {@code root} must be storage every worker can read (a shared volume) so that a partition's new
 * owner starts from its previous owner's snapshot; a worker that finds none replays the log from
 * its start. Beside each snapshot lie the rule activation it runs under and the cluster's rule
 * proposals as the shard held them ({@code proposals-<offset>.json}; none while nobody proposed)
 * and the desk order's marks of its decisions and risk actions ({@code marks-<offset>.json},
 * {@link DeskMarks}): none is engine state the single-node snapshot format holds.
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
        if (!shard.proposals().isEmpty()) {
            Files.writeString(proposals(store, shard.nextOffset()), shard.proposals().toJson(), StandardCharsets.UTF_8);
        }
        Files.writeString(marks(store, shard.nextOffset()), shard.marks().toJson(), StandardCharsets.UTF_8);
        store.write(shard.engine(), shard.nextOffset(), shard.engine().rules().get().version(), 0);
        List<Path> files;
        try (java.util.stream.Stream<Path> listed = Files.list(store.dir())) {
            files = listed.toList(); // closed: an open directory stream per snapshot would leak a file descriptor
        }
        for (Path p : files) {
            String name = p.getFileName().toString();
            String prefix = name.startsWith("activation-") ? "activation-" : name.startsWith("proposals-") ? "proposals-"
                    : name.startsWith("marks-") ? "marks-" : null;
            if (prefix != null && !Files.exists(store.dir().resolve(
                    name.replace(prefix, "snapshot-").replace(".json", ".cgs")))) {
                Files.deleteIfExists(p);
            }
        }
    }

    private static Path marks(SnapshotStore store, long offset) {
        return store.dir().resolve(String.format("marks-%020d.json", offset));
    }

    private static Path proposals(SnapshotStore store, long offset) {
        return store.dir().resolve(String.format("proposals-%020d.json", offset));
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
                    Path table = proposals(store, f.seq());
                    ShardProposals proposals;
                    try {
                        proposals = Files.exists(table)
                                ? ShardProposals.fromJson(Files.readString(table, StandardCharsets.UTF_8)) : new ShardProposals();
                    } catch (IOException | RuntimeException e) {
                        // a table that does not read would lose proposals: an older snapshot plus more log loses nothing
                        LOG.warn("shard {}: snapshot {} not used: its proposals do not read: {}", shard, f.path(), e.toString());
                        continue;
                    }
                    Path marksFile = marks(store, f.seq());
                    DeskMarks marks;
                    try {
                        // a snapshot from before desk marks existed has none: its records keep NO_MARK
                        marks = Files.exists(marksFile)
                                ? DeskMarks.fromJson(Files.readString(marksFile, StandardCharsets.UTF_8)) : new DeskMarks();
                    } catch (IOException | RuntimeException e) {
                        // marks that do not read would reorder desk lists: an older snapshot plus more log does not
                        LOG.warn("shard {}: snapshot {} not used: its desk marks do not read: {}", shard, f.path(), e.toString());
                        continue;
                    }
                    return Optional.of(ShardEngine.restored(shard, shards, engine, events, seats, rulesJson, proposals,
                            marks, f.seq()));
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
