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
import java.util.function.Supplier;
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
    private static final String ACTIVATION = "activation-";
    private static final String PROPOSALS = "proposals-";
    private static final String MARKS = "marks-";
    /** The files kept beside each snapshot, by name prefix; pruned with their snapshot. */
    private static final List<String> SIDECARS = List.of(ACTIVATION, PROPOSALS, MARKS);
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
        if (shard.lastActivation() != null) {
            Files.writeString(sidecar(store, ACTIVATION, shard.nextOffset()), shard.lastActivation(), StandardCharsets.UTF_8);
        }
        if (!shard.proposals().isEmpty()) {
            Files.writeString(sidecar(store, PROPOSALS, shard.nextOffset()), shard.proposals().toJson(), StandardCharsets.UTF_8);
        }
        Files.writeString(sidecar(store, MARKS, shard.nextOffset()), shard.marks().toJson(), StandardCharsets.UTF_8);
        store.write(shard.engine(), shard.nextOffset(), shard.engine().rules().get().version(), 0);
        List<Path> files;
        try (java.util.stream.Stream<Path> listed = Files.list(store.dir())) {
            files = listed.toList(); // closed: an open directory stream per snapshot would leak a file descriptor
        }
        for (Path p : files) {
            String name = p.getFileName().toString();
            String prefix = SIDECARS.stream().filter(name::startsWith).findFirst().orElse(null);
            if (prefix != null && !Files.exists(store.dir().resolve(
                    name.replace(prefix, "snapshot-").replace(".json", ".cgs")))) {
                Files.deleteIfExists(p);
            }
        }
    }

    /** Reads a sidecar's text. */
    @FunctionalInterface
    private interface Parser<T> {
        T parse(String text) throws IOException;
    }

    /** The file named {@code prefix} beside the snapshot at {@code offset}. */
    private static Path sidecar(SnapshotStore store, String prefix, long offset) {
        return store.dir().resolve(String.format("%s%020d.json", prefix, offset));
    }

    /**
     * A sidecar's content parsed, or {@code absent} when the snapshot has none; one that does not read
     * makes the snapshot unusable ({@code why}: what an older snapshot plus more log avoids).
     */
    private static <T> T read(Path file, Parser<T> parse, Supplier<T> absent, String what, String why)
            throws SnapshotUnusableException {
        if (!Files.exists(file)) {
            return absent.get();
        }
        try {
            return parse.parse(Files.readString(file, StandardCharsets.UTF_8));
        } catch (IOException | RuntimeException e) {
            throw new SnapshotUnusableException("its " + what + " do not read (" + why + "): " + e, e);
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
                    // the sidecars first: restoring the engine costs O(state), and a sidecar may rule the snapshot out
                    Path activation = sidecar(store, ACTIVATION, f.seq());
                    String rulesJson = Files.exists(activation) ? Files.readString(activation, StandardCharsets.UTF_8) : null;
                    ShardProposals proposals = read(sidecar(store, PROPOSALS, f.seq()), ShardProposals::fromJson,
                            ShardProposals::new, "proposals", "a table that does not read would lose proposals");
                    // a snapshot from before desk marks existed has none: its records keep NO_MARK
                    DeskMarks marks = read(sidecar(store, MARKS, f.seq()), DeskMarks::fromJson, DeskMarks::new,
                            "desk marks", "marks that do not read would reorder desk lists");
                    ShardEvents events = new ShardEvents();
                    SeatWatch seats = new SeatWatch();
                    Engine engine = events.engine(rules, seats);
                    store.restore(checked, engine);
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
