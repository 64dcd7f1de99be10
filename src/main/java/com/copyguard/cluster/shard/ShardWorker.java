package com.copyguard.cluster.shard;

import com.copyguard.cluster.Topics;
import com.copyguard.core.engine.Engine;
import com.copyguard.cluster.sequencer.SeatRecords;
import com.copyguard.core.rules.RuleSet;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.function.Function;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRebalanceListener;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.CooperativeStickyAssignor;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.InvalidProducerEpochException;
import org.apache.kafka.common.errors.ProducerFencedException;
import org.apache.kafka.common.errors.WakeupException;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A shard worker: a member of the consumer group {@link Topics#shardGroup} on {@link Topics#shardLog},
 * running one {@link ShardEngine} per partition the group gives it. Each poll's records of a
 * partition are applied in one Kafka transaction that holds their replies and the consumer
 * offset, so an input's effects and its reply are committed together or not at all. Each
 * partition has its own producer with the static transactional id {@code cg-shard-<p>}: a new
 * owner's {@code initTransactions} aborts the old owner's open transaction and fences it (it sees
 * {@link ProducerFencedException} or {@link InvalidProducerEpochException} and drops that engine).
 * A partition it is given is recovered from its newest snapshot at or before the committed offset,
 * then the log up to that offset is applied silently, then it goes live. A record that waits for
 * the other shards' parts ({@link Gather}) holds the partition's committed offset at itself; the
 * parts this shard owes the others go to cg.seq in the same transaction as its replies.
 */
public final class ShardWorker implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(ShardWorker.class);

    /** How a worker runs. {@code snapshots} null: none (a new owner replays the whole partition). */
    public record Settings(String bootstrapServers, Topics topics, int shards, RuleSet rules, ShardSnapshots snapshots,
                           long snapshotEvery, Duration sessionTimeout, String name, int riskSweepEvery) {
        public Settings {
            if (riskSweepEvery < 1 || riskSweepEvery > Engine.MAX_RISK_SWEEP_EVERY) {
                throw new IllegalArgumentException("the risk sweep interval must be 1 to "
                        + Engine.MAX_RISK_SWEEP_EVERY + " ticks, not " + riskSweepEvery);
            }
        }
    }

    /** Thrown inside a transaction by {@link #crashAfter}: the worker stops as if its process died there. */
    private static final class SimulatedCrash extends RuntimeException {
        SimulatedCrash() {
            super("simulated crash", null, false, false);
        }
    }

    private final Settings settings;
    private final ShardMetrics metrics;
    private final KafkaConsumer<String, byte[]> consumer;
    private final Map<Integer, Shard> owned = new TreeMap<>();
    private final ConcurrentLinkedQueue<Runnable> tasks = new ConcurrentLinkedQueue<>();
    /** Commits the partitions' transactions of one poll side by side (they wait on the broker, not the CPU). */
    private final java.util.concurrent.ExecutorService committers;
    private final Thread thread;
    private final CompletableFuture<Void> stopped = new CompletableFuture<>();
    private volatile boolean running = true;
    private volatile long crashCountdown = -1;
    private volatile boolean crashed;

    /** A partition this worker owns: its engine, its transactional producer, where live work starts. */
    private static final class Shard {
        final ShardEngine engine;
        final KafkaProducer<String, byte[]> producer;
        final long recoveryStarted;
        long liveFrom;
        boolean recovering = true;
        long replayed;
        long appliedSinceSnapshot;

        Shard(ShardEngine engine, KafkaProducer<String, byte[]> producer, long liveFrom, long recoveryStarted) {
            this.engine = engine;
            this.producer = producer;
            this.liveFrom = liveFrom;
            this.recoveryStarted = recoveryStarted;
        }
    }

    public ShardWorker(Settings settings, MeterRegistry registry) {
        this.settings = settings;
        this.metrics = new ShardMetrics(registry);
        this.consumer = new KafkaConsumer<>(consumerProperties(settings), new StringDeserializer(),
                new ByteArrayDeserializer());
        this.thread = new Thread(this::run, "cg-shard-worker-" + settings.name());
        this.committers = java.util.concurrent.Executors.newFixedThreadPool(8, r -> {
            Thread t = new Thread(r, "cg-shard-commit-" + settings.name());
            t.setDaemon(true);
            return t;
        });
    }

    public ShardWorker start() {
        consumer.subscribe(List.of(settings.topics().shardLog()), new Rebalance());
        thread.start();
        return this;
    }

    private static Properties consumerProperties(Settings s) {
        Properties p = new Properties();
        p.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, s.bootstrapServers());
        p.put(ConsumerConfig.GROUP_ID_CONFIG, s.topics().shardGroup());
        p.put(ConsumerConfig.CLIENT_ID_CONFIG, "cg-worker-" + s.name());
        p.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        // read_committed fetches wait for transaction markers; a short wait keeps a hop at a few ms
        p.put(ConsumerConfig.FETCH_MAX_WAIT_MS_CONFIG, "20");
        p.put(ConsumerConfig.ALLOW_AUTO_CREATE_TOPICS_CONFIG, "false");
        p.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
        p.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        p.put(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, "500");
        p.put(ConsumerConfig.SESSION_TIMEOUT_MS_CONFIG, String.valueOf(s.sessionTimeout().toMillis()));
        p.put(ConsumerConfig.HEARTBEAT_INTERVAL_MS_CONFIG, String.valueOf(Math.max(100, s.sessionTimeout().toMillis() / 5)));
        p.put(ConsumerConfig.PARTITION_ASSIGNMENT_STRATEGY_CONFIG, CooperativeStickyAssignor.class.getName());
        return p;
    }

    private KafkaProducer<String, byte[]> producer(int shard) {
        Properties p = new Properties();
        p.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, settings.bootstrapServers());
        p.put(ProducerConfig.CLIENT_ID_CONFIG, "cg-shard-" + shard + "-" + settings.name());
        p.put(ProducerConfig.TRANSACTIONAL_ID_CONFIG, settings.topics().shardTransactionalId(shard));
        p.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, "true");
        p.put(ProducerConfig.ACKS_CONFIG, "all");
        // short: an open transaction of a dead owner holds back read_committed readers until it times out
        p.put(ProducerConfig.TRANSACTION_TIMEOUT_CONFIG, "10000");
        p.put(ProducerConfig.LINGER_MS_CONFIG, "2");
        KafkaProducer<String, byte[]> producer = new KafkaProducer<>(p, new StringSerializer(), new ByteArraySerializer());
        producer.initTransactions();
        return producer;
    }

    private void run() {
        try {
            while (running) {
                for (Runnable task; (task = tasks.poll()) != null; ) {
                    task.run();
                }
                ConsumerRecords<String, byte[]> records = consumer.poll(Duration.ofMillis(100));
                List<Batch> open = new ArrayList<>();
                for (TopicPartition tp : records.partitions()) {
                    Batch b = applyBatch(tp, records.records(tp));
                    if (b != null) {
                        open.add(b);
                    }
                }
                commit(open);
                for (Map.Entry<Integer, Shard> e : owned.entrySet()) {
                    consumer.currentLag(new TopicPartition(settings.topics().shardLog(), e.getKey()))
                            .ifPresent(lag -> metrics.lag(e.getKey(), lag));
                }
            }
        } catch (WakeupException e) {
            // close() asked us to stop: between polls, so every engine holds committed state only
            owned.forEach((p, shard) -> {
                if (!shard.recovering && shard.appliedSinceSnapshot > 0) {
                    shard.appliedSinceSnapshot = Long.MAX_VALUE;
                    snapshotIfDue(p, shard);
                }
            });
        } catch (SimulatedCrash e) {
            crashed = true;
            LOG.warn("worker {}: simulated crash in the middle of a transaction", settings.name());
        } catch (RuntimeException | Error e) {
            LOG.error("worker {} stopped by an unexpected failure", settings.name(), e);
        } finally {
            shutdown();
        }
    }

    /** A partition's transaction whose records are applied and replies sent, not yet committed. */
    private record Batch(TopicPartition tp, Shard shard, int records, long next, long started) {
    }

    /**
     * Applies one poll's records of a partition: those before its live offset silently (recovery),
     * the rest inside a new transaction with their replies. Returns that open transaction, or null.
     */
    private Batch applyBatch(TopicPartition tp, List<ConsumerRecord<String, byte[]>> records) {
        Shard shard = owned.get(tp.partition());
        if (shard == null) {
            return null; // fenced and paused: the group will hand it to its new owner
        }
        int live = 0;
        while (live < records.size() && records.get(live).offset() < shard.liveFrom) {
            ConsumerRecord<String, byte[]> r = records.get(live++);
            // replies, events, seat reports and gather parts were sent by the owner that first took it
            shard.engine.offer(ShardRecord.of(r), false);
            shard.replayed++;
            long rewind = shard.engine.takeRewind();
            if (rewind >= 0) {
                consumer.seek(tp, rewind); // records behind a held one that were not kept: read them again
                return null;
            }
        }
        if (shard.recovering && shard.engine.nextOffset() >= shard.liveFrom) {
            finishRecovery(tp.partition(), shard);
        }
        if (live == records.size()) {
            return null;
        }
        List<ConsumerRecord<String, byte[]>> batch = records.subList(live, records.size());
        long started = System.nanoTime();
        try {
            shard.producer.beginTransaction();
            for (ConsumerRecord<String, byte[]> r : batch) {
                List<ShardEngine.Applied> applied = shard.engine.offer(ShardRecord.of(r), true);
                if (crashCountdown >= 0 && crashCountdown-- == 0) {
                    throw new SimulatedCrash();
                }
                for (ShardEngine.Applied a : applied) {
                    send(shard, a);
                }
                sendShares(shard);
                shard.engine.takeGatherWaits().forEach(nanos -> metrics.gathered(tp.partition(), nanos));
                long rewind = shard.engine.takeRewind();
                if (rewind >= 0) {
                    consumer.seek(tp, rewind); // records behind a held one that were not kept: read them again
                    break;
                }
            }
        } catch (SimulatedCrash e) {
            throw e;
        } catch (KafkaException e) {
            failed(tp, e);
            return null;
        }
        // while a record waits for the other shards' parts the offset stays at it: a new owner takes it again
        return new Batch(tp, shard, batch.size(), shard.engine.nextOffset(), started);
    }

    /** An applied record's reply and live events, and its seat report, in the open transaction. */
    private void send(Shard shard, ShardEngine.Applied a) {
        shard.producer.send(new ProducerRecord<>(settings.topics().replies(), a.reply().requestId(), a.reply().encode()));
        for (com.copyguard.events.LiveEvent e : a.events()) {
            shard.producer.send(new ProducerRecord<>(settings.topics().events(), e.followerId(),
                    com.copyguard.cluster.EventRecord.encode(e)));
        }
        if (a.seats() != null) {
            ProducerRecord<String, byte[]> out = new ProducerRecord<>(settings.topics().seq(), 0, null, a.seats().encode());
            SeatRecords.Report.mark(out.headers());
            shard.producer.send(out);
        }
    }

    /** The parts of gathers this shard owes, to cg.seq in the same transaction: the sequencer hands them on. */
    private void sendShares(Shard shard) {
        for (com.copyguard.cluster.GatherRecords.Share s : shard.engine.takeShares()) {
            ProducerRecord<String, byte[]> out = new ProducerRecord<>(settings.topics().seq(), 0, null, s.encode());
            s.writeTo(out.headers());
            shard.producer.send(out);
        }
    }

    /**
     * Commits each open transaction with its consumer offset. The partitions' producers are
     * independent, so their commits (a few broker round trips each) run side by side.
     */
    private void commit(List<Batch> open) {
        if (open.isEmpty()) {
            return;
        }
        org.apache.kafka.clients.consumer.ConsumerGroupMetadata group = consumer.groupMetadata();
        Map<Batch, CompletableFuture<Void>> commits = new java.util.LinkedHashMap<>();
        for (Batch b : open) {
            Runnable commit = () -> {
                b.shard().producer.sendOffsetsToTransaction(Map.of(b.tp(), new OffsetAndMetadata(b.next())), group);
                b.shard().producer.commitTransaction();
            };
            commits.put(b, open.size() == 1 ? run(commit) : CompletableFuture.runAsync(commit, committers));
        }
        for (Map.Entry<Batch, CompletableFuture<Void>> e : commits.entrySet()) {
            Batch b = e.getKey();
            try {
                e.getValue().join();
                b.shard().liveFrom = b.next();
                b.shard().appliedSinceSnapshot += b.records();
                metrics.batch(b.tp().partition(), b.records(), System.nanoTime() - b.started());
                snapshotIfDue(b.tp().partition(), b.shard());
            } catch (java.util.concurrent.CompletionException failure) {
                Throwable cause = failure.getCause();
                if (cause instanceof KafkaException k) {
                    failed(b.tp(), k);
                } else {
                    throw failure;
                }
            }
        }
    }

    private static CompletableFuture<Void> run(Runnable r) {
        try {
            r.run();
            return CompletableFuture.completedFuture(null);
        } catch (RuntimeException e) {
            return CompletableFuture.failedFuture(e);
        }
    }

    /** A partition's transaction failed: fenced (lost it: drop the engine) or otherwise (rebuild from committed state). */
    private void failed(TopicPartition tp, KafkaException e) {
        if (e instanceof ProducerFencedException || e instanceof InvalidProducerEpochException) {
            LOG.warn("worker {}: shard {} fenced by a newer owner ({}); dropping its engine", settings.name(),
                    tp.partition(), e.getClass().getSimpleName());
            metrics.fenced(tp.partition());
            drop(tp.partition(), false);
            consumer.pause(List.of(tp));
            return;
        }
        // the transaction did not commit, but the engine applied its inputs: rebuild it from the committed state
        LOG.warn("worker {}: shard {} transaction failed ({}); recovering the shard", settings.name(),
                tp.partition(), e.toString());
        drop(tp.partition(), true);
        recover(tp.partition());
    }

    private void finishRecovery(int partition, Shard shard) {
        shard.recovering = false;
        metrics.recovered(partition, System.nanoTime() - shard.recoveryStarted, shard.replayed);
        LOG.info("worker {}: shard {} live at offset {} ({} records replayed in {} ms)", settings.name(), partition,
                shard.liveFrom, shard.replayed, (System.nanoTime() - shard.recoveryStarted) / 1_000_000);
    }

    private void snapshotIfDue(int partition, Shard shard) {
        if (settings.snapshots() == null || settings.snapshotEvery() <= 0
                || shard.appliedSinceSnapshot < settings.snapshotEvery()) {
            return;
        }
        try {
            settings.snapshots().write(shard.engine);
            shard.appliedSinceSnapshot = 0;
        } catch (Exception e) {
            LOG.warn("worker {}: snapshot of shard {} failed ({}); the log still has everything", settings.name(),
                    partition, e.toString());
        }
    }

    /** Takes over {@code partition}: fences its previous owner, restores snapshot + committed log, seeks. */
    private void recover(int partition) {
        long started = System.nanoTime();
        TopicPartition tp = new TopicPartition(settings.topics().shardLog(), partition);
        KafkaProducer<String, byte[]> producer = producer(partition);
        OffsetAndMetadata committed = consumer.committed(Set.of(tp)).get(tp);
        long liveFrom = committed == null ? 0 : committed.offset();
        ShardEngine engine = settings.snapshots() == null ? null
                : settings.snapshots().newest(partition, settings.shards(), liveFrom, settings.rules()).orElse(null);
        if (engine == null) {
            engine = ShardEngine.fresh(partition, settings.shards(), settings.rules());
        }
        engine.sweepRiskEvery(settings.riskSweepEvery());
        consumer.seek(tp, engine.nextOffset());
        Shard shard = new Shard(engine, producer, liveFrom, started);
        owned.put(partition, shard);
        consumer.resume(List.of(tp));
        if (engine.nextOffset() >= liveFrom) {
            finishRecovery(partition, shard);
        }
    }

    private void drop(int partition, boolean abort) {
        Shard shard = owned.remove(partition);
        if (shard == null) {
            return;
        }
        metrics.lag(partition, 0);
        try {
            if (abort) {
                shard.producer.abortTransaction();
            }
        } catch (KafkaException e) {
            // fenced or already failed: the transaction will not commit either way
        }
        shard.producer.close(Duration.ZERO);
    }

    private final class Rebalance implements ConsumerRebalanceListener {
        @Override
        public void onPartitionsRevoked(Collection<TopicPartition> partitions) {
            for (TopicPartition tp : partitions) {
                Shard shard = owned.get(tp.partition());
                if (shard != null && !shard.recovering && shard.appliedSinceSnapshot > 0) {
                    // a graceful hand-over: leave the next owner a snapshot of committed state
                    shard.appliedSinceSnapshot = Long.MAX_VALUE;
                    snapshotIfDue(tp.partition(), shard);
                }
                drop(tp.partition(), false);
            }
        }

        @Override
        public void onPartitionsLost(Collection<TopicPartition> partitions) {
            partitions.forEach(tp -> drop(tp.partition(), false));
        }

        @Override
        public void onPartitionsAssigned(Collection<TopicPartition> partitions) {
            for (TopicPartition tp : partitions) {
                recover(tp.partition());
            }
        }
    }

    /** Runs {@code read} against shard {@code partition}'s engine on the worker thread, between batches (null if not owned). */
    public <T> CompletableFuture<T> read(int partition, Function<ShardEngine, T> read) {
        CompletableFuture<T> out = new CompletableFuture<>();
        tasks.add(() -> {
            try {
                Shard shard = owned.get(partition);
                out.complete(shard == null || shard.recovering ? null : read.apply(shard.engine));
            } catch (RuntimeException e) {
                out.completeExceptionally(e);
            }
        });
        return out;
    }

    /** The partitions this worker owns and has recovered, read on the worker thread. */
    public CompletableFuture<Set<Integer>> live() {
        CompletableFuture<Set<Integer>> out = new CompletableFuture<>();
        tasks.add(() -> {
            Set<Integer> live = new java.util.TreeSet<>();
            owned.forEach((p, s) -> {
                if (!s.recovering) {
                    live.add(p);
                }
            });
            out.complete(live);
        });
        return out;
    }

    /**
     * Test hook for fault injection: after {@code records} more live records the worker dies inside
     * the open transaction, as a killed process would: nothing committed, nothing aborted, its
     * engines dropped; its producers are closed without aborting and its consumer leaves the group.
     */
    public void crashAfter(long records) {
        crashCountdown = records;
    }

    public boolean crashed() {
        return crashed;
    }

    public CompletableFuture<Void> stopped() {
        return stopped;
    }

    private void shutdown() {
        for (Shard shard : owned.values()) {
            shard.producer.close(Duration.ZERO);
        }
        owned.clear();
        committers.shutdownNow();
        try {
            consumer.close(Duration.ofSeconds(5));
        } catch (RuntimeException e) {
            LOG.warn("worker {}: consumer close failed: {}", settings.name(), e.toString());
        }
        stopped.complete(null);
    }

    @Override
    public void close() {
        running = false;
        consumer.wakeup();
        stopped.join();
    }
}
