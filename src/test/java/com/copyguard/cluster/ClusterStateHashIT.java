package com.copyguard.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import com.copyguard.api.security.Role;
import com.copyguard.api.security.SecurityOptions;
import com.copyguard.api.security.SigningKey;
import com.copyguard.api.security.Tokens4Tests;
import com.copyguard.cluster.ingress.ClusterGateway;
import com.copyguard.cluster.ingress.ClusterIngress;
import com.copyguard.cluster.sequencer.SeatRecords;
import com.copyguard.cluster.shard.ShardEngine;
import com.copyguard.cluster.shard.ShardWorker;
import com.copyguard.core.command.PriceTick;
import com.copyguard.durability.Engines;
import com.copyguard.durability.snapshot.StateHash;
import com.copyguard.durability.writer.WallClockGuard;
import com.copyguard.testing.ApiClient;
import com.copyguard.testing.ApiClient.Response;
import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * GET /state/hash through the cluster ingress, over real HTTP against a real in-process Kafka: a
 * checkpoint marker through the sequencer, answered by every shard with its state hash. The same
 * input stream gives the same combined and per-shard hashes with 1 worker and with 2, and again
 * after a worker died inside the transaction that was answering a marker and its shards were
 * recovered from snapshots + log by the other worker, and after a new worker joined; one more
 * deposit changes exactly its shard's hash. Each shard's hash equals that of a fresh engine of the
 * shard replaying its log up to the marker, also for a marker sent while market inputs were in
 * flight, where every shard's log holds the same market inputs before it. The marker changes nothing; no reply in time is 503
 * NOT_CONFIRMED, and the marker left unanswered changes nothing either.
 */
class ClusterStateHashIT {
    private static final long T = 1_700_000_000_000L;
    private static final int SHARDS = 8;
    private static KafkaTestCluster kafka;
    private static Tokens4Tests tokens;
    private static SigningKey key;
    @TempDir
    static Path keys;

    @BeforeAll
    static void start() {
        kafka = KafkaTestCluster.start(1);
        key = SigningKey.loadOrCreate(keys);
        tokens = new Tokens4Tests(keys);
    }

    @AfterAll
    static void stop() throws Exception {
        tokens.close();
        kafka.close();
    }

    /** A cluster with its HTTP ingress (over its own gateway) and a desk client. */
    private record Node(InProcessCluster cluster, ClusterGateway gateway, ClusterIngress ingress, ApiClient desk)
            implements AutoCloseable {
        static Node of(InProcessCluster cluster, Duration replyTimeout) {
            ClusterGateway gateway = new ClusterGateway(kafka.bootstrapServers(), cluster.topics(), cluster.shards(),
                    replyTimeout);
            ClusterIngress ingress = ClusterIngress.start(gateway, "127.0.0.1", 0, key,
                    new SecurityOptions(List.of(), List.of(), null, null, null, null), WallClockGuard.DEFAULT);
            return new Node(cluster, gateway, ingress, new ApiClient(ingress.port(), tokens.token("ops", Role.ADMIN, null)));
        }

        JsonNode hash() {
            Response r = desk.as(tokens.token("desk", Role.DESK, null)).get("/state/hash");
            assertThat(r.status()).as(r.raw()).isEqualTo(200);
            return r.body();
        }

        @Override
        public void close() {
            ingress.close();
            gateway.close();
            cluster.close();
        }
    }

    private static final List<String> FOLLOWERS = List.of("ann", "ben", "cid", "dot", "eve", "fay", "gus", "hal", "ivy", "jon");

    /** The same stream every time: an instrument, an expert, ten follows over several shards, a fill, a price, deposits. Returns the accounts. */
    private static Map<String, String> stream(ApiClient api) {
        expect(api.put("/instruments/BTCUSDT", "{\"minQty\":\"0.001\",\"qtyStep\":\"0.001\",\"maxLeverage\":125,"
                + "\"takerFeeRate\":\"0.0006\",\"maintenanceMarginRate\":\"0.004\"}"), 200);
        expect(api.put("/experts/alice", "{\"equity\":\"10000\"}"), 201);
        Map<String, String> accounts = new TreeMap<>();
        long t = T;
        for (String f : FOLLOWERS) {
            Response r = expect(api.post("/subscriptions", "{\"followerId\":\"" + f + "\",\"expertId\":\"alice\","
                    + "\"mode\":\"MULTIPLIER\",\"multiplier\":\"0.1\",\"amount\":\"1000\","
                    + "\"settings\":{\"leverage\":{\"mode\":\"FIXED\",\"value\":20}},\"time\":" + (t++) + "}"), 201);
            accounts.put(f, r.text("accountId"));
        }
        expect(api.post("/experts/alice/fills", "{\"fillId\":\"f1\",\"symbol\":\"BTCUSDT\",\"action\":\"OPEN_LONG\","
                + "\"qty\":\"0.1\",\"price\":\"100000\",\"leverage\":20,\"marginMode\":\"CROSS\",\"status\":\"FILLED\","
                + "\"time\":" + (t++) + "}"), 200);
        expect(api.post("/prices", "{\"time\":" + (t++) + ",\"prices\":[{\"symbol\":\"BTCUSDT\",\"price\":\"100500\"}]}"), 200);
        for (String f : FOLLOWERS.subList(0, 4)) {
            expect(api.post("/accounts/" + accounts.get(f) + "/deposits",
                    "{\"amount\":\"25\",\"requestId\":\"d-" + f + "\",\"time\":" + (t++) + "}"), 200);
        }
        return accounts;
    }

    private static Response expect(Response r, int status) {
        assertThat(r.status()).as(r.raw()).isEqualTo(status);
        return r;
    }

    private static List<String> shardHashes(JsonNode hash) {
        List<String> out = new ArrayList<>();
        hash.path("shards").forEach(s -> out.add(s.path("hash").asText()));
        return out;
    }

    /** The state hash of a fresh engine of shard {@code p} that replays {@code log}. */
    private static String replayed(int p, List<ConsumerRecord<String, byte[]>> log) {
        ShardEngine engine = ShardEngine.fresh(p, SHARDS, Engines.rules());
        for (ConsumerRecord<String, byte[]> r : log) {
            engine.offer(com.copyguard.cluster.shard.ShardRecord.of(r), false);
        }
        return StateHash.of(engine.engine());
    }

    /** The request ids of the market-wide inputs (every shard's, not reads) in {@code log}, in order. */
    private static List<String> marketInputs(List<ConsumerRecord<String, byte[]>> log) {
        List<String> out = new ArrayList<>();
        for (ConsumerRecord<String, byte[]> r : log) {
            Envelope e = Envelope.readFrom(r.headers());
            if (!e.query() && e.parts() == SHARDS) {
                out.add(e.requestId());
            }
        }
        return out;
    }

    /** Each shard's committed log records before its marker of {@code cut} (the markers are committed), by shard. */
    private static List<List<ConsumerRecord<String, byte[]>>> logsBefore(InProcessCluster cluster, JsonNode cut) {
        List<List<ConsumerRecord<String, byte[]>>> out = new ArrayList<>();
        Map<TopicPartition, Long> markers = new java.util.HashMap<>();
        for (int p = 0; p < SHARDS; p++) {
            out.add(new ArrayList<>());
            markers.put(new TopicPartition(cluster.topics().shardLog(), p), cut.path("shards").get(p).path("offset").asLong());
        }
        Properties c = new Properties();
        c.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrapServers());
        c.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        c.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
        try (KafkaConsumer<String, byte[]> consumer = new KafkaConsumer<>(c, new StringDeserializer(),
                new ByteArrayDeserializer())) {
            consumer.assign(markers.keySet());
            consumer.seekToBeginning(markers.keySet());
            long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
            while (markers.entrySet().stream().anyMatch(m -> consumer.position(m.getKey()) <= m.getValue())) {
                assertThat(System.nanoTime()).as("the shards' logs read up to their markers").isLessThan(deadline);
                for (ConsumerRecord<String, byte[]> r : consumer.poll(Duration.ofMillis(200))) {
                    if (r.offset() < markers.get(new TopicPartition(r.topic(), r.partition()))) {
                        out.get(r.partition()).add(r);
                    }
                }
            }
        }
        return out;
    }

    @Test
    void sameStreamSameHashAcrossWorkersAndRecoveryAndOneMoreDepositChangesOnlyItsShard(@TempDir Path snapshots)
            throws Exception {
        JsonNode one;
        try (Node a = Node.of(new InProcessCluster(kafka, SHARDS, 1, null, 0), Duration.ofSeconds(60))) {
            stream(a.desk());
            one = a.hash();
            assertThat(one.path("shards")).hasSize(SHARDS);
            List<List<ConsumerRecord<String, byte[]>>> logs = logsBefore(a.cluster(), one);
            for (int p = 0; p < SHARDS; p++) {
                JsonNode s = one.path("shards").get(p);
                assertThat(s.path("shard").asInt()).isEqualTo(p);
                int shard = p;
                // the marker's hash is the shard engine's state hash (nothing applied since)
                assertThat(s.path("hash").asText()).isEqualTo(a.cluster().read(shard, e -> StateHash.of(e.engine())));
                // and that of a fresh engine of the shard replaying the shard's log up to the marker
                assertThat(s.path("hash").asText()).as("shard " + p + " replayed")
                        .isEqualTo(replayed(p, logs.get(p)));
            }
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            shardHashes(one).forEach(h -> sha.update((h + "\n").getBytes(StandardCharsets.UTF_8)));
            assertThat(one.path("hash").asText()).as("SHA-256 over the shard hashes in shard order")
                    .isEqualTo(HexFormat.of().formatHex(sha.digest()));

            JsonNode again = a.hash();
            assertThat(again.path("hash")).as("a checkpoint changes nothing").isEqualTo(one.path("hash"));
            assertThat(again.path("seq").asLong()).as("a later marker on cg.seq").isGreaterThan(one.path("seq").asLong());
            for (int p = 0; p < SHARDS; p++) {
                assertThat(again.path("shards").get(p).path("offset").asLong()).as("shard " + p + " log offset")
                        .isGreaterThan(one.path("shards").get(p).path("offset").asLong());
            }
            Response follower = a.desk().as(tokens.token("ann", Role.FOLLOWER, "ann")).get("/state/hash");
            assertThat(follower.status()).as("the desk's, as on the single node").isEqualTo(403);

            // no worker: no answer within the reply timeout; the marker stays in the logs and a later worker
            // answers it to nobody and applies nothing for it
            a.cluster().workers().get(0).close();
            try (ClusterGateway impatient = new ClusterGateway(kafka.bootstrapServers(), a.cluster().topics(), SHARDS,
                    Duration.ofSeconds(2));
                 ClusterIngress ingress = ClusterIngress.start(impatient, "127.0.0.1", 0, key,
                         new SecurityOptions(List.of(), List.of(), null, null, null, null), WallClockGuard.DEFAULT)) {
                Response late = new ApiClient(ingress.port(), tokens.token("desk", Role.DESK, null)).get("/state/hash");
                assertThat(late.status()).as(late.raw()).isEqualTo(503);
                assertThat(late.error()).isEqualTo("NOT_CONFIRMED");
            }
            a.cluster().addWorker();
            a.cluster().awaitAllShardsLive();
            assertThat(a.hash().path("hash")).as("after the unanswered marker and a full replay").isEqualTo(one.path("hash"));

            // a cut while market inputs are in flight (sent one after the other by another thread): every shard's
            // hash is taken after the same ones, at least those answered before the cut was asked for
            java.util.concurrent.atomic.AtomicInteger answered = new java.util.concurrent.atomic.AtomicInteger();
            CompletableFuture<Void> ticks = CompletableFuture.runAsync(() -> {
                for (int i = 0; i < 30; i++) {
                    ClusterGateway.Answer tick = a.cluster().gateway().submit(new PriceTick(T + 1_000 + i,
                            List.of(new PriceTick.SymbolPrice("BTCUSDT", BigDecimal.valueOf(100_500 + i)))), null, null).join();
                    assertThat(tick.status()).isEqualTo(200);
                    answered.incrementAndGet();
                }
            });
            while (answered.get() < 10) {
                Thread.sleep(5);
            }
            JsonNode underLoad = a.hash();
            ticks.join();
            List<List<ConsumerRecord<String, byte[]>>> cutLogs = logsBefore(a.cluster(), underLoad);
            List<String> market = marketInputs(cutLogs.get(0));
            // the instrument, the expert, the fill and the price of the stream, then the ticks answered before the cut
            assertThat(market.size()).as("market inputs before the cut").isBetween(4 + 10, 4 + 30);
            for (int p = 0; p < SHARDS; p++) {
                assertThat(marketInputs(cutLogs.get(p))).as("market inputs before shard " + p + "'s marker").isEqualTo(market);
                assertThat(underLoad.path("shards").get(p).path("hash").asText()).as("shard " + p + " replayed")
                        .isEqualTo(replayed(p, cutLogs.get(p)));
            }
        }

        try (Node b = Node.of(new InProcessCluster(kafka, SHARDS, 2, snapshots, 3), Duration.ofSeconds(60))) {
            Map<String, String> accounts = stream(b.desk());
            JsonNode two = b.hash();
            assertThat(two.path("hash")).as("1 and 2 workers, same stream").isEqualTo(one.path("hash"));
            assertThat(shardHashes(two)).isEqualTo(shardHashes(one));

            String jon = "jon";
            int jonShard = b.cluster().routing().ofFollower(jon);
            expect(b.desk().post("/accounts/" + accounts.get(jon) + "/deposits",
                    "{\"amount\":\"1\",\"requestId\":\"one-more\",\"time\":" + (T + 100) + "}"), 200);
            JsonNode more = b.hash();
            assertThat(more.path("hash")).as("one more deposit").isNotEqualTo(one.path("hash"));
            for (int p = 0; p < SHARDS; p++) {
                String before = shardHashes(one).get(p);
                String after = shardHashes(more).get(p);
                if (p == jonShard) {
                    assertThat(after).as("the deposit's shard " + p).isNotEqualTo(before);
                } else {
                    assertThat(after).as("shard " + p + " without the deposit").isEqualTo(before);
                }
            }

            // a worker dies inside the transaction that answers the next marker; the other recovers its shards
            // (newest snapshot + log, replaying earlier markers) and answers it: the same state
            ShardWorker victim = b.cluster().workers().get(0);
            victim.crashAfter(0);
            JsonNode recovered = b.hash();
            assertThat(victim.stopped()).succeedsWithin(Duration.ofSeconds(30));
            assertThat(victim.crashed()).as("the victim died answering the marker").isTrue();
            assertThat(recovered.path("hash")).as("after recovery").isEqualTo(more.path("hash"));

            ShardWorker joiner = b.cluster().addWorker();
            long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
            while (joiner.live().join().isEmpty()) {
                assertThat(System.nanoTime()).as("the new worker took shards over").isLessThan(deadline);
                Thread.sleep(50);
            }
            b.cluster().awaitAllShardsLive();
            JsonNode joined = b.hash();
            assertThat(joined.path("hash")).as("after a worker joined and took shards over").isEqualTo(more.path("hash"));
            assertThat(shardHashes(joined)).isEqualTo(shardHashes(more));
        }
    }
}
