package com.copyguard.cluster;

import com.copyguard.cluster.ingress.ClusterGateway;
import com.copyguard.cluster.sequencer.Sequencer;
import com.copyguard.cluster.shard.ShardEngine;
import com.copyguard.cluster.shard.ShardSnapshots;
import com.copyguard.cluster.shard.ShardWorker;
import com.copyguard.core.engine.Engine;
import com.copyguard.core.command.Command;
import com.copyguard.durability.Engines;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import org.apache.kafka.clients.admin.Admin;

/**
 * copyguard's cluster parts running in this JVM against a real Kafka: the sequencer, {@code n}
 * shard workers (each its own consumer group member with its own engines; 0 when the test runs
 * workers as processes), and the gateway the
 * HTTP ingress uses. Each instance has its own topic prefix, so several share one Kafka.
 */
public final class InProcessCluster implements AutoCloseable {
    private static int instances;
    private final KafkaTestCluster kafka;
    private final Topics topics;
    private final int shards;
    private final ShardSnapshots snapshots;
    private final long snapshotEvery;
    private final Path sequencerSnapshotDir;
    private final long sequencerSnapshotEvery;
    private Sequencer sequencer;
    private final List<ShardWorker> workers = new ArrayList<>();
    private final ClusterGateway gateway;
    private final SimpleMeterRegistry registry = new SimpleMeterRegistry();
    private int started;

    public InProcessCluster(KafkaTestCluster kafka, int shards, int workerCount, Path snapshotDir, long snapshotEvery) {
        this(kafka, shards, workerCount, snapshotDir, snapshotEvery, null, 0);
    }

    /** With the sequencer's seat snapshots in {@code sequencerSnapshotDir} (null: none), every {@code sequencerSnapshotEvery} records. */
    public InProcessCluster(KafkaTestCluster kafka, int shards, int workerCount, Path snapshotDir, long snapshotEvery,
            Path sequencerSnapshotDir, long sequencerSnapshotEvery) {
        this.kafka = kafka;
        this.sequencerSnapshotDir = sequencerSnapshotDir;
        this.sequencerSnapshotEvery = sequencerSnapshotEvery;
        this.topics = new Topics("t" + (++instances) + "-" + System.nanoTime() % 100000);
        this.shards = shards;
        this.snapshots = snapshotDir == null ? null : new ShardSnapshots(snapshotDir);
        this.snapshotEvery = snapshotEvery;
        try (Admin admin = kafka.admin()) {
            topics.ensure(admin, shards, kafka.replication());
        } catch (InterruptedException e) {
            throw new IllegalStateException(e);
        }
        this.sequencer = newSequencer(true);
        for (int i = 0; i < workerCount; i++) {
            addWorker();
        }
        this.gateway = new ClusterGateway(kafka.bootstrapServers(), topics, shards, Duration.ofSeconds(60));
        if (workerCount > 0) {
            awaitAllShardsLive();
        }
    }

    public ShardWorker addWorker() {
        ShardWorker w = new ShardWorker(new ShardWorker.Settings(kafka.bootstrapServers(), topics, shards,
                Engines.rules(), snapshots, snapshotEvery, Duration.ofSeconds(3), "w" + (++started),
                Engine.DEFAULT_RISK_SWEEP_EVERY), registry).start();
        workers.add(w);
        return w;
    }

    public Topics topics() {
        return topics;
    }

    public int shards() {
        return shards;
    }

    public List<ShardWorker> workers() {
        return workers;
    }

    public ClusterGateway gateway() {
        return gateway;
    }

    public SimpleMeterRegistry registry() {
        return registry;
    }

    public ShardRouting routing() {
        return gateway.routing();
    }

    /** Stops the sequencer and starts a new one, which rebuilds its seats from cg.seq before it forwards again. */
    public void restartSequencer() {
        stopSequencer();
        startSequencer(true);
    }

    /** Stops the sequencer gracefully (with snapshots: it writes one at its committed offset). */
    public void stopSequencer() {
        sequencer.close();
    }

    /** Starts a new sequencer, from its snapshots or ({@code withSnapshots} false, or none) replaying cg.seq from 0. */
    public void startSequencer(boolean withSnapshots) {
        sequencer = newSequencer(withSnapshots);
    }

    private Sequencer newSequencer(boolean withSnapshots) {
        return new Sequencer(kafka.bootstrapServers(), topics, shards, withSnapshots ? sequencerSnapshotDir : null,
                sequencerSnapshotEvery).start(List.of());
    }

    public Sequencer sequencer() {
        return sequencer;
    }

    /** Sends {@code c} and waits for its committed reply. */
    public ClusterGateway.Answer send(Command c) {
        return gateway.submit(c, null, null).join();
    }

    /** Waits until the running workers together own every shard, recovered and live. */
    public void awaitAllShardsLive() {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (System.nanoTime() < deadline) {
            Set<Integer> live = new TreeSet<>();
            for (ShardWorker w : workers) {
                if (!w.stopped().isDone()) {
                    live.addAll(w.live().orTimeout(10, TimeUnit.SECONDS).join());
                }
            }
            if (live.size() == shards) {
                return;
            }
            sleep(50);
        }
        throw new AssertionError("the workers did not take every shard within 60 s");
    }

    /** Reads shard {@code p}'s engine on its owner's thread. */
    public <T> T read(int p, Function<ShardEngine, T> read) {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (System.nanoTime() < deadline) {
            for (ShardWorker w : workers) {
                if (!w.stopped().isDone()) {
                    T value = w.read(p, read).orTimeout(10, TimeUnit.SECONDS).join();
                    if (value != null) {
                        return value;
                    }
                }
            }
            sleep(50);
        }
        throw new AssertionError("no worker owns shard " + p);
    }

    /** The digest of a follower's state on the shard that owns it. */
    public String followerDigest(String followerId) {
        return read(routing().ofFollower(followerId), s -> FollowerDigest.of(s.engine(), followerId));
    }

    private static void sleep(long ms) {
        try {
            Thread.sleep(ms);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    @Override
    public void close() {
        gateway.close();
        for (ShardWorker w : workers) {
            if (!w.stopped().isDone()) {
                w.close();
            }
        }
        sequencer.close();
    }
}
