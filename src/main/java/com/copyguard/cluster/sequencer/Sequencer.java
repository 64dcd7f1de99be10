package com.copyguard.cluster.sequencer;

import com.copyguard.cluster.Envelope;
import com.copyguard.cluster.GatherRecords;
import com.copyguard.cluster.MarketSeq;
import com.copyguard.cluster.ShardRouting;
import com.copyguard.cluster.Topics;
import com.copyguard.core.command.Command;
import com.copyguard.core.command.Follow;
import com.copyguard.durability.journal.CommandCodec;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.Queue;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentLinkedQueue;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.WakeupException;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Puts every market-wide input into one order and hands it to every shard. It reads
 * {@link Topics#SEQ} (one partition: that partition's order is the market's order) and, in one
 * transaction per poll with its consumer offset, appends each input to every partition of
 * {@link Topics#SHARD_LOG}: each shard then sees the market in the same order, interleaved with its
 * own followers' commands. Its static transactional id (cg-sequencer) fences a second
 * sequencer, so at most one forwards at a time. It decides nothing: every shard applies the input
 * to its own copy of the market and expert state, which is the same everywhere.
 *
 * <p>Follows also come through here, one order for every expert's seats ({@link SeatLedger}): each
 * goes to its follower's shard only, with a {@link SeatRecords.Grant} saying how many followers
 * of the expert the other shards hold; the shards' {@link SeatRecords.Report}s come back on
 * {@code cg.seq} and are absorbed, not forwarded. On start the sequencer rebuilds its seats: from
 * its newest {@link SeatSnapshots snapshot} at or before its committed offset (with a snapshot
 * directory), else from offset 0, it reads {@code cg.seq} up to its committed offset without
 * forwarding. It writes a snapshot every {@code snapshotEvery} records and when it stops
 * gracefully, always after a commit: a snapshot holds only records whose transaction committed.
 *
 * <p>Gathers ({@link GatherRecords}) pass through here too, deciding nothing: every copy handed on
 * is stamped with its cg.seq offset ({@link MarketSeq}), which names a gather on every shard; a
 * follow, and a resume that copies the expert's positions (marked by the ingress with its expert),
 * also send every other shard a marker at the same place; the shards' shares are handed on to the
 * shard they name, or to every shard, as they came.
 *
 * <p>A read on {@code cg.seq} (GET /state/hash) is forwarded to every shard like any market-wide
 * input, with no change here: it is the checkpoint marker of {@link com.copyguard.cluster.StateCheckpoint},
 * which every shard answers after the same market-wide inputs.
 */
public final class Sequencer implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(Sequencer.class);

    private final Topics topics;
    private final int shards;
    private final ShardRouting routing;
    /** Replaced once, by a snapshot's, in {@link #start} before the thread starts; then the thread's alone. */
    private SeatLedger seats;
    /** Records before this offset of cg.seq were forwarded by an earlier sequencer: only their seats are rebuilt. */
    private long replayUntil;
    /** The offset this sequencer's seats were restored at (a snapshot's), or 0: replayed from the start. */
    private volatile long restoredFrom;
    private final SeatSnapshots snapshots;
    private final long snapshotEvery;
    /** The offset of the next record not absorbed into {@link #seats}. */
    private long absorbed;
    /** Every record before this offset is absorbed and committed (by this sequencer or an earlier one). */
    private long committedUpTo;
    private long sinceSnapshot;
    private final Queue<CompletableFuture<SeatState>> seatQuestions = new ConcurrentLinkedQueue<>();
    private final KafkaConsumer<String, byte[]> consumer;
    private final KafkaProducer<String, byte[]> producer;
    private final Thread thread;
    private final CompletableFuture<Void> stopped = new CompletableFuture<>();
    private volatile boolean running = true;

    /** A sequencer without snapshots: it replays cg.seq from 0 on every start. */
    public Sequencer(String bootstrapServers, Topics topics, int shards) {
        this(bootstrapServers, topics, shards, null, 0);
    }

    /**
     * A sequencer that keeps snapshots of its seats under {@code snapshotDir} (null: none), one every
     * {@code snapshotEvery} records of cg.seq (at least 1) and one when it stops gracefully.
     */
    public Sequencer(String bootstrapServers, Topics topics, int shards, Path snapshotDir, long snapshotEvery) {
        if (snapshotDir != null && snapshotEvery < 1) {
            throw new IllegalArgumentException("snapshotEvery must be at least 1, not " + snapshotEvery);
        }
        this.topics = topics;
        this.shards = shards;
        this.routing = new ShardRouting(shards);
        this.seats = new SeatLedger(shards);
        this.snapshots = snapshotDir == null ? null : new SeatSnapshots(snapshotDir, topics.seq(), shards);
        this.snapshotEvery = snapshotEvery;
        Properties c = new Properties();
        c.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        c.put(ConsumerConfig.GROUP_ID_CONFIG, topics.sequencerGroup());
        c.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        // read_committed fetches wait for transaction markers; a short wait keeps a hop at a few ms
        c.put(ConsumerConfig.FETCH_MAX_WAIT_MS_CONFIG, "20");
        c.put(ConsumerConfig.ALLOW_AUTO_CREATE_TOPICS_CONFIG, "false");
        c.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
        c.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        c.put(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, "200");
        this.consumer = new KafkaConsumer<>(c, new StringDeserializer(), new ByteArrayDeserializer());
        Properties p = new Properties();
        p.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        p.put(ProducerConfig.TRANSACTIONAL_ID_CONFIG, topics.sequencerTransactionalId());
        p.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, "true");
        p.put(ProducerConfig.ACKS_CONFIG, "all");
        // an open sequencer transaction holds back every shard: keep it short
        p.put(ProducerConfig.TRANSACTION_TIMEOUT_CONFIG, "10000");
        p.put(ProducerConfig.LINGER_MS_CONFIG, "2");
        this.producer = new KafkaProducer<>(p, new StringSerializer(), new ByteArraySerializer());
        this.thread = new Thread(this::run, "cg-sequencer");
    }

    /**
     * Starts forwarding. With {@code seed} non-empty and an empty {@link Topics#SEQ}, first appends
     * those inputs (the rule set activation and the instrument catalog of a new cluster).
     */
    public Sequencer start(List<Command> seed) {
        producer.initTransactions();
        TopicPartition seq = new TopicPartition(topics.seq(), 0);
        consumer.assign(List.of(seq));
        if (!seed.isEmpty() && consumer.endOffsets(List.of(seq)).get(seq) == 0) {
            producer.beginTransaction();
            for (Command c : seed) {
                ProducerRecord<String, byte[]> r = new ProducerRecord<>(topics.seq(), 0, null,
                        CommandCodec.encode(c).getBytes(StandardCharsets.UTF_8));
                new Envelope("seed-" + UUID.randomUUID(), 1, null).writeTo(r.headers());
                producer.send(r);
            }
            producer.commitTransaction();
            LOG.info("seeded {} with {} inputs", topics.seq(), seed.size());
        }
        OffsetAndMetadata committed = consumer.committed(java.util.Set.of(seq)).get(seq);
        replayUntil = committed == null ? 0 : committed.offset();
        Optional<SeatSnapshots.Restored> restored = snapshots == null ? Optional.empty() : snapshots.newest(replayUntil);
        restored.ifPresent(r -> {
            seats = r.seats();
            restoredFrom = r.offset();
        });
        absorbed = restoredFrom;
        committedUpTo = restoredFrom;
        LOG.info("sequencer seats: {}, replaying {} from offset {} to the committed offset {}",
                restored.isPresent() ? "restored from the snapshot at offset " + restoredFrom : "no snapshot",
                topics.seq(), restoredFrom, replayUntil);
        consumer.seek(seq, restoredFrom);
        thread.start();
        return this;
    }

    private void run() {
        boolean graceful = false;
        try {
            while (running) {
                answerSeatQuestions();
                ConsumerRecords<String, byte[]> records = consumer.poll(Duration.ofMillis(100));
                if (records.isEmpty()) {
                    continue;
                }
                boolean open = false;
                long next = -1;
                for (ConsumerRecord<String, byte[]> r : records) {
                    boolean replay = r.offset() < replayUntil;
                    if (!replay && !open) {
                        producer.beginTransaction();
                        open = true;
                    }
                    if (SeatRecords.isReport(r.headers())) {
                        report(r);
                    } else if (GatherRecords.isShare(r.headers())) {
                        if (!replay) {
                            share(r);
                        }
                    } else if (GatherRecords.catchUpExpert(r.headers()) != null) {
                        if (!replay) {
                            catchUp(r);
                        }
                    } else if (SeatRecords.isFollow(r.headers())) {
                        Follow f = follow(r);
                        // a follow that does not decode takes no seat: shard 0 answers it MALFORMED_JSON
                        int shard = f == null ? 0 : routing.ofFollower(f.followerId());
                        SeatRecords.Grant grant = f == null ? null : seats.grant(r.offset(), f.expertId(), shard);
                        if (!replay) {
                            ProducerRecord<String, byte[]> out = new ProducerRecord<>(topics.shardLog(), shard, null, r.value());
                            Envelope.readFrom(r.headers()).writeTo(out.headers());
                            if (grant != null) {
                                grant.writeTo(out.headers());
                                MarketSeq.writeTo(out.headers(), r.offset());
                                markers(r, f.expertId(), shard);
                            }
                            producer.send(out);
                        }
                    } else if (!replay) {
                        Envelope envelope = Envelope.readFrom(r.headers()).withParts(shards);
                        for (int p = 0; p < shards; p++) {
                            ProducerRecord<String, byte[]> out = new ProducerRecord<>(topics.shardLog(), p, null, r.value());
                            envelope.writeTo(out.headers());
                            // the market's order: names a gather on every shard, orders desk-wide lists
                            MarketSeq.writeTo(out.headers(), r.offset());
                            producer.send(out);
                        }
                    }
                    next = r.offset() + 1;
                    absorbed = next;
                }
                if (open) {
                    producer.sendOffsetsToTransaction(Map.of(new TopicPartition(topics.seq(), 0), new OffsetAndMetadata(next)),
                            consumer.groupMetadata());
                    producer.commitTransaction();
                }
                // committed now, or (a batch replayed only) before the committed offset an earlier sequencer left
                committedUpTo = next;
                sinceSnapshot += records.count();
                if (snapshots != null && sinceSnapshot >= snapshotEvery) {
                    snapshot();
                }
            }
            graceful = true;
        } catch (WakeupException e) {
            graceful = true; // close() asked us to stop
        } catch (KafkaException e) {
            // fenced by a newer sequencer, or a failure we cannot resume from in this process: stop; a restart resumes
            LOG.error("sequencer stopped: {}", e.toString(), e);
        } finally {
            // only a graceful stop: after a failure the seats may hold a record whose transaction did not commit
            if (graceful && snapshots != null && sinceSnapshot > 0) {
                snapshot();
            }
            producer.close(Duration.ofSeconds(5));
            consumer.close(Duration.ofSeconds(5));
            stopped.complete(null);
            CompletableFuture<SeatState> q;
            while ((q = seatQuestions.poll()) != null) {
                q.completeExceptionally(new IllegalStateException("the sequencer stopped"));
            }
        }
    }

    /**
     * Writes the seats as the state before {@link #absorbed}, if every record they absorbed is
     * committed; a snapshot that cannot be written is logged and skipped (it is only a shortcut).
     */
    private void snapshot() {
        if (absorbed != committedUpTo) {
            LOG.warn("sequencer snapshot skipped: the seats hold records up to {} but only {} is committed", absorbed, committedUpTo);
            return;
        }
        try {
            snapshots.write(seats, absorbed);
            sinceSnapshot = 0;
        } catch (IOException | RuntimeException e) {
            LOG.warn("sequencer snapshot at {} {} not written: {}", topics.seq(), absorbed, e.toString());
        }
    }

    /**
     * The seats at some moment: {@code offset} is the next record of cg.seq they have not absorbed,
     * {@code hash} the SHA-256 of their canonical state (what a snapshot holds), {@code inFlight} the
     * grants not answered yet. Two sequencers at the same offset hold the same seats, so the same hash.
     */
    public record SeatState(long offset, String hash, int inFlight) {
    }

    /** The seats as the sequencer thread holds them between two polls (within ~100 ms). */
    public CompletableFuture<SeatState> seatState() {
        CompletableFuture<SeatState> answer = new CompletableFuture<>();
        seatQuestions.add(answer);
        if (stopped.isDone()) {
            seatQuestions.remove(answer);
            answer.completeExceptionally(new IllegalStateException("the sequencer stopped"));
        }
        return answer;
    }

    private void answerSeatQuestions() {
        CompletableFuture<SeatState> q;
        while ((q = seatQuestions.poll()) != null) {
            q.complete(new SeatState(absorbed, seats.hash(), seats.inFlight()));
        }
    }

    /** The cg.seq offset of the snapshot this sequencer's seats were restored from, or 0: it replayed from the start. */
    public long restoredFrom() {
        return restoredFrom;
    }

    /** A shard's seat report; one that does not decode is logged and skipped, never retried forever. */
    private void report(ConsumerRecord<String, byte[]> r) {
        SeatRecords.Report report;
        try {
            report = SeatRecords.Report.decode(r.value());
        } catch (RuntimeException e) {
            LOG.error("{} offset {}: a seat report that does not decode is skipped: {}", r.topic(), r.offset(), e.toString());
            return;
        }
        seats.report(report);
    }

    /**
     * A follow's place in the market order, for every shard but its follower's: each answers with its
     * part (followers' results, following notional) for the follower's shard, which holds the follow
     * until every part arrived ({@link GatherRecords}). Only with more than one shard.
     */
    private void markers(ConsumerRecord<String, byte[]> r, String expertId, int owner) {
        if (shards < 2) {
            return;
        }
        GatherRecords.Marker marker = new GatherRecords.Marker(r.offset(), expertId, owner);
        for (int p = 0; p < shards; p++) {
            if (p != owner) {
                ProducerRecord<String, byte[]> out = new ProducerRecord<>(topics.shardLog(), p, null, r.value());
                new Envelope("marker-" + r.offset(), 0, null).writeTo(out.headers());
                marker.writeTo(out.headers());
                producer.send(out);
            }
        }
    }

    /**
     * A resume that copies the expert's positions: to its subscription's shard, which holds it until
     * the other shards answered their markers (the ingress named the expert).
     */
    private void catchUp(ConsumerRecord<String, byte[]> r) {
        String expertId = GatherRecords.catchUpExpert(r.headers());
        int shard;
        try {
            shard = CommandCodec.decode(new String(r.value(), StandardCharsets.UTF_8))
                    instanceof com.copyguard.core.command.ResumeSubscription resume
                    ? routing.ofMintedId(resume.subscriptionId()) : 0;
        } catch (RuntimeException e) {
            shard = 0; // refused MALFORMED_JSON by shard 0, as a follow that does not decode
        }
        ProducerRecord<String, byte[]> out = new ProducerRecord<>(topics.shardLog(), shard, null, r.value());
        Envelope.readFrom(r.headers()).writeTo(out.headers());
        MarketSeq.writeTo(out.headers(), r.offset());
        GatherRecords.markCatchUp(out.headers(), expertId);
        producer.send(out);
        markers(r, expertId, shard);
    }

    /** A shard's part of a gather, handed on as it is to the shard that waits for it, or to every shard. */
    private void share(ConsumerRecord<String, byte[]> r) {
        int to = GatherRecords.shareTarget(r.headers());
        for (int p = 0; p < shards; p++) {
            if (to == GatherRecords.EVERY_SHARD || to == p) {
                ProducerRecord<String, byte[]> out = new ProducerRecord<>(topics.shardLog(), p, null, r.value());
                r.headers().forEach(h -> out.headers().add(h));
                producer.send(out);
            }
        }
    }

    private static Follow follow(ConsumerRecord<String, byte[]> r) {
        try {
            return CommandCodec.decode(new String(r.value(), StandardCharsets.UTF_8)) instanceof Follow f ? f : null;
        } catch (RuntimeException e) {
            LOG.warn("{} offset {}: a follow that does not decode: {}", r.topic(), r.offset(), e.toString());
            return null;
        }
    }

    public CompletableFuture<Void> stopped() {
        return stopped;
    }

    @Override
    public void close() {
        running = false;
        consumer.wakeup();
        stopped.join();
    }
}
