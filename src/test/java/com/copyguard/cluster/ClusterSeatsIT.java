package com.copyguard.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import com.copyguard.cluster.ingress.ClusterGateway;
import com.copyguard.cluster.sequencer.SeatSnapshots;
import com.copyguard.cluster.sequencer.Sequencer;
import com.copyguard.core.command.Follow;
import com.copyguard.core.command.PutExpert;
import com.copyguard.core.command.StopFollowing;
import com.copyguard.core.model.FollowMode;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.common.TopicPartition;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * An expert's {@code maxFollowers} holds across shards (16 shards, 2 workers, a real in-process
 * Kafka): many more concurrent follows than seats, from followers on many shards, admit exactly
 * the capacity; a stop frees a seat for the next follow; a follow refused for another reason gives
 * its seat back; a follower who already follows a full expert is told ALREADY_FOLLOWING, as the
 * single node says; a restarted sequencer rebuilds the same seats from its newest usable snapshot
 * and the rest of {@code cg.seq} (a damaged newest snapshot is passed over for the one before it),
 * the same seats, to the hash, as a sequencer that replays {@code cg.seq} from 0.
 */
class ClusterSeatsIT {
    private static final long T = 1_700_000_000_000L;
    private static final int SEATS = 5;
    /** Small, so the test's few dozen records of cg.seq leave several snapshots. */
    private static final long SEQUENCER_SNAPSHOT_EVERY = 8;
    private static KafkaTestCluster kafka;
    private static InProcessCluster cluster;
    @TempDir
    static Path sequencerSnapshots;

    @BeforeAll
    static void start() {
        kafka = KafkaTestCluster.start(1);
        cluster = new InProcessCluster(kafka, 16, 2, null, 0, sequencerSnapshots, SEQUENCER_SNAPSHOT_EVERY);
        assertThat(cluster.send(new PutExpert("E", new BigDecimal("0.1"), null, new BigDecimal("10000"), SEATS, false))
                .status()).isEqualTo(201);
    }

    @AfterAll
    static void stop() throws Exception {
        cluster.close();
        kafka.close();
    }

    @Test
    void theCapacityHoldsAcrossShards() throws Exception {
        // 40 follows at once, from followers spread over the shards
        List<String> followers = new ArrayList<>();
        Set<Integer> shards = new TreeSet<>();
        for (int i = 0; i < 40; i++) {
            followers.add("f" + i);
            shards.add(cluster.routing().ofFollower("f" + i));
        }
        assertThat(shards).as("shards of the followers").hasSizeGreaterThanOrEqualTo(10);
        List<CompletableFuture<ClusterGateway.Answer>> answers = new ArrayList<>();
        for (String f : followers) {
            answers.add(cluster.gateway().submit(follow(f, "100"), null, null));
        }
        List<String> admitted = new ArrayList<>();
        for (int i = 0; i < answers.size(); i++) {
            ClusterGateway.Answer a = answers.get(i).join();
            if (a.refusal() == null) {
                assertThat(a.status()).isEqualTo(201);
                admitted.add(a.body().path("subscriptionId").asText());
            } else {
                assertThat(error(a)).as(a.body().toString()).isEqualTo("EXPERT_FULL");
            }
        }
        assertThat(admitted).hasSize(SEATS);
        assertThat(followersOnEveryShard()).isEqualTo(SEATS);

        // full: a newcomer is refused, one who already follows hears that first (the single node's order)
        assertThat(error(cluster.send(follow("late", "100")))).isEqualTo("EXPERT_FULL");
        String follower = followerOf(admitted.get(0));
        assertThat(error(cluster.send(follow(follower, "100")))).isEqualTo("ALREADY_FOLLOWING");

        // a stop frees one seat, for one follow
        assertThat(cluster.send(new StopFollowing(admitted.get(1), StopFollowing.Mode.MARKET_CLOSE, T + 10)).refusal()).isNull();
        ClusterGateway.Answer next = cluster.send(follow("g1", "100"));
        assertThat(next.status()).as(next.body().toString()).isEqualTo(201);
        assertThat(error(cluster.send(follow("g2", "100")))).isEqualTo("EXPERT_FULL");

        // a follow refused for another reason gives its seat back
        assertThat(cluster.send(new StopFollowing(admitted.get(2), StopFollowing.Mode.MARKET_CLOSE, T + 20)).refusal()).isNull();
        assertThat(error(cluster.send(follow("g3", "1")))).isEqualTo("BELOW_MIN_FOLLOW_AMOUNT");
        assertThat(cluster.send(follow("g4", "100")).status()).isEqualTo(201);
        assertThat(error(cluster.send(follow("g5", "100")))).isEqualTo("EXPERT_FULL");
        assertThat(followersOnEveryShard()).isEqualTo(SEATS);

        // a graceful stop snapshots the seats at the committed offset; the newest snapshot is then
        // damaged, so the new sequencer restores the one before it and replays cg.seq from there only
        Sequencer.SeatState before = settled(cluster.sequencer());
        cluster.stopSequencer();
        long committed = committedOffset();
        List<Long> offsets = snapshotOffsets();
        assertThat(offsets).as("snapshot offsets, newest first").hasSizeBetween(2, 3);
        assertThat(offsets.get(0)).isEqualTo(committed).isEqualTo(before.offset());
        Path newest = SeatSnapshots.dir(sequencerSnapshots, cluster.topics().seq()).resolve(SeatSnapshots.fileName(committed));
        byte[] edited = Files.readAllBytes(newest);
        edited[edited.length / 2] ^= 1;
        Files.write(newest, edited);
        cluster.startSequencer(true);
        assertThat(cluster.sequencer().restoredFrom()).as("restored from").isEqualTo(offsets.get(1)).isPositive().isLessThan(committed);
        assertThat(settled(cluster.sequencer())).as("seats restored and replayed").isEqualTo(before);

        // ... and holds the same seats
        assertThat(error(cluster.send(follow("g6", "100")))).isEqualTo("EXPERT_FULL");
        assertThat(cluster.send(new StopFollowing(admitted.get(3), StopFollowing.Mode.MARKET_CLOSE, T + 30)).refusal()).isNull();
        assertThat(cluster.send(follow("g7", "100")).status()).isEqualTo(201);
        assertThat(error(cluster.send(follow("g8", "100")))).isEqualTo("EXPERT_FULL");
        assertThat(followersOnEveryShard()).isEqualTo(SEATS);

        // a sequencer that replays cg.seq from 0 (no snapshots) holds exactly those seats
        Sequencer.SeatState fromSnapshot = settled(cluster.sequencer());
        assertThat(fromSnapshot.inFlight()).isZero();
        cluster.stopSequencer();
        cluster.startSequencer(false);
        assertThat(cluster.sequencer().restoredFrom()).isZero();
        assertThat(settled(cluster.sequencer())).isEqualTo(fromSnapshot);
        assertThat(error(cluster.send(follow("g9", "100")))).isEqualTo("EXPERT_FULL");
    }

    /** The sequencer's seats once it has absorbed everything on cg.seq: the same answer twice, 300 ms apart. */
    private static Sequencer.SeatState settled(Sequencer sequencer) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        Sequencer.SeatState last = sequencer.seatState().orTimeout(10, TimeUnit.SECONDS).join();
        while (System.nanoTime() < deadline) {
            Thread.sleep(300);
            Sequencer.SeatState now = sequencer.seatState().orTimeout(10, TimeUnit.SECONDS).join();
            if (now.equals(last) && now.offset() > 0) {
                return now;
            }
            last = now;
        }
        throw new AssertionError("the sequencer's seats did not settle: " + last);
    }

    /** The sequencer group's committed offset on cg.seq. */
    private static long committedOffset() throws Exception {
        try (Admin admin = kafka.admin()) {
            return admin.listConsumerGroupOffsets(cluster.topics().sequencerGroup()).partitionsToOffsetAndMetadata().get()
                    .get(new TopicPartition(cluster.topics().seq(), 0)).offset();
        }
    }

    /** The offsets of the sequencer snapshots on disk, newest first. */
    private static List<Long> snapshotOffsets() throws IOException {
        try (Stream<Path> files = Files.list(SeatSnapshots.dir(sequencerSnapshots, cluster.topics().seq()))) {
            return files.map(p -> p.getFileName().toString()).filter(n -> n.matches("seats-\\d{20}\\.json"))
                    .map(n -> Long.parseLong(n.substring(6, 26))).sorted(Comparator.reverseOrder()).toList();
        }
    }

    /** The error code of a refused answer, or "applied". */
    private static String error(ClusterGateway.Answer a) {
        return a.refusal() == null ? "applied" : a.body().path("error").asText();
    }

    private static Follow follow(String follower, String amount) {
        return new Follow(follower, "E", FollowMode.SMART_RATIO, new BigDecimal(amount), null, null, false, null, T, false);
    }

    private static String followerOf(String subscriptionId) {
        return cluster.read(cluster.routing().ofMintedId(subscriptionId),
                s -> s.engine().ledger().subscription(subscriptionId).followerId());
    }

    /** The expert's followers (subscriptions not stopped) summed over every shard. */
    private static int followersOnEveryShard() {
        int sum = 0;
        for (int p = 0; p < cluster.shards(); p++) {
            sum += cluster.read(p, s -> s.engine().ledger().expert("E") == null ? 0 : s.engine().ledger().expert("E").followers());
        }
        return sum;
    }
}
