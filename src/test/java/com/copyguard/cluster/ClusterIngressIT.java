package com.copyguard.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import com.copyguard.cluster.ingress.ClusterGateway;
import com.copyguard.cluster.ingress.ClusterIngress;
import com.copyguard.cluster.shard.ShardWorker;
import com.copyguard.durability.writer.WallClockGuard;
import com.copyguard.api.security.Role;
import com.copyguard.api.security.SecurityOptions;
import com.copyguard.api.security.SigningKey;
import com.copyguard.api.security.Tokens4Tests;
import com.copyguard.testing.ApiClient;
import com.copyguard.testing.ApiClient.Response;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The cluster's HTTP ingress as clients use it, over real HTTP against a real in-process Kafka:
 * the single node's contract, tokens, roles and follower confinement; ids that route by
 * themselves; fills answered by every shard; no 2xx before the owning shard committed; an
 * idempotency key honoured after the input was finally applied by a worker that started later.
 */
class ClusterIngressIT {
    private static final long T = 1_700_000_000_000L;
    private static KafkaTestCluster kafka;
    private static InProcessCluster cluster;
    private static ClusterGateway gateway;
    private static ClusterIngress ingress;
    private static Tokens4Tests tokens;
    private static ApiClient admin;

    @BeforeAll
    static void start(@TempDir Path keys) {
        kafka = KafkaTestCluster.start(1);
        cluster = new InProcessCluster(kafka, 16, 1, null, 0);
        // its own gateway, with a short reply timeout for the "nothing committed" case
        gateway = new ClusterGateway(kafka.bootstrapServers(), cluster.topics(), 16, Duration.ofSeconds(4));
        ingress = ClusterIngress.start(gateway, "127.0.0.1", 0, SigningKey.loadOrCreate(keys),
                new SecurityOptions(List.of(), List.of(), null, null, null, null), WallClockGuard.DEFAULT);
        tokens = new Tokens4Tests(keys);
        admin = new ApiClient(ingress.port(), tokens.token("ops", Role.ADMIN, null));
        for (String symbol : List.of("BTCUSDT", "ETHUSDT")) {
            assertThat(admin.put("/instruments/" + symbol, "{\"minQty\":\"0.001\",\"qtyStep\":\"0.001\",\"maxLeverage\":125,"
                    + "\"takerFeeRate\":\"0.0006\",\"maintenanceMarginRate\":\"0.004\"}").status()).isEqualTo(200);
        }
        assertThat(admin.put("/experts/alice", "{\"equity\":\"10000\"}").status()).isEqualTo(201);
    }

    @AfterAll
    static void stop() throws Exception {
        ingress.close();
        gateway.close();
        cluster.close();
        tokens.close();
        kafka.close();
    }

    private static Response follow(ApiClient client, String follower, long time) {
        return client.post("/subscriptions", "{\"followerId\":\"" + follower + "\",\"expertId\":\"alice\",\"mode\":\"MULTIPLIER\","
                + "\"multiplier\":\"0.1\",\"amount\":\"1000\",\"settings\":{\"leverage\":{\"mode\":\"FIXED\",\"value\":20}},"
                + "\"time\":" + time + "}");
    }

    @Test
    void idsRouteByThemselvesAndAFillIsAnsweredByEveryShard() {
        Response bob = follow(admin, "bob", T);
        Response carol = follow(admin, "carol", T + 1);
        assertThat(bob.status()).as(bob.raw()).isEqualTo(201);
        assertThat(carol.status()).as(carol.raw()).isEqualTo(201);
        ShardRouting routing = cluster.routing();
        assertThat(routing.ofMintedId(bob.text("subscriptionId"))).isEqualTo(routing.ofFollower("bob"));
        assertThat(routing.ofMintedId(carol.text("accountId"))).isEqualTo(routing.ofFollower("carol"));

        Response fill = admin.post("/experts/alice/fills", "{\"fillId\":\"f1\",\"symbol\":\"BTCUSDT\",\"action\":\"OPEN_LONG\","
                + "\"qty\":\"0.1\",\"price\":\"100000\",\"leverage\":100,\"marginMode\":\"CROSS\",\"status\":\"FILLED\",\"time\":" + (T + 10) + "}");
        assertThat(fill.status()).as(fill.raw()).isEqualTo(200);
        assertThat(fill.body().path("copied").asInt()).isEqualTo(2);
        assertThat(fill.body().path("decisions")).extracting(d -> d.path("subscriptionId").asText())
                .containsExactlyInAnyOrder(bob.text("subscriptionId"), carol.text("subscriptionId"));
        Response again = admin.post("/experts/alice/fills", "{\"fillId\":\"f1\",\"symbol\":\"BTCUSDT\",\"action\":\"OPEN_LONG\","
                + "\"qty\":\"0.1\",\"price\":\"100000\",\"leverage\":100,\"marginMode\":\"CROSS\",\"status\":\"FILLED\",\"time\":" + (T + 10) + "}");
        assertThat(again.body()).as("a repeated fill id gets the first answer").isEqualTo(fill.body());
    }

    @Test
    void sameAuthorizationAsTheSingleNode() {
        Response dave = follow(admin, "dave", T + 20);
        assertThat(dave.status()).isEqualTo(201);
        ApiClient erin = admin.as(tokens.token("erin", Role.FOLLOWER, "erin"));
        assertThat(admin.as(null).post("/clock", "{\"time\":" + (T + 21) + "}").status()).isEqualTo(401);
        assertThat(erin.post("/clock", "{\"time\":" + (T + 21) + "}").status()).isEqualTo(403);
        assertThat(follow(erin, "dave", T + 22).status()).as("a follow for another follower").isEqualTo(403);
        Response probe = erin.post("/accounts/" + dave.text("accountId") + "/deposits",
                "{\"amount\":\"5\",\"requestId\":\"r-erin\",\"time\":" + (T + 23) + "}");
        assertThat(probe.status()).as("another follower's account is not found").isEqualTo(404);
        assertThat(probe.error()).isEqualTo("NOT_FOUND");
        Response own = admin.as(tokens.token("dave", Role.FOLLOWER, "dave")).post("/accounts/" + dave.text("accountId")
                + "/deposits", "{\"amount\":\"5\",\"requestId\":\"r-dave\",\"time\":" + (T + 24) + "}");
        assertThat(own.status()).as(own.raw()).isEqualTo(200);
        Response invalid = admin.post("/subscriptions", "{\"followerId\":\"x\",\"unknown\":1}");
        assertThat(invalid.status()).isEqualTo(400);
        assertThat(admin.get("/accounts/" + dave.text("accountId")).status()).as("reads are served").isEqualTo(200);
        assertThat(admin.as(null).get("/health/ready").status()).isEqualTo(200);
    }

    @Test
    void noSuccessBeforeCommitAndTheKeyHoldsAfterALateApply() {
        Response frank = follow(admin, "frank", T + 30);
        assertThat(frank.status()).isEqualTo(201);
        String deposit = "{\"amount\":\"7\",\"requestId\":\"late-1\",\"time\":" + (T + 31) + "}";
        ShardWorker only = cluster.workers().get(0);
        only.close();
        Response unconfirmed = admin.post("/accounts/" + frank.text("accountId") + "/deposits", deposit);
        assertThat(unconfirmed.status()).as("no worker committed it: no 2xx").isEqualTo(503);
        assertThat(unconfirmed.error()).isEqualTo("NOT_CONFIRMED");
        cluster.addWorker();
        cluster.awaitAllShardsLive();
        Response retried = admin.post("/accounts/" + frank.text("accountId") + "/deposits", deposit);
        assertThat(retried.status()).as(retried.raw()).isEqualTo(200);
        long deposits = cluster.read(cluster.routing().ofFollower("frank"), s -> s.engine().ledger()
                .account(frank.text("accountId")).transactions().stream().filter(t -> "deposit:late-1".equals(t.ref())).count());
        assertThat(deposits).as("the deposit applied once, by the worker that started later").isEqualTo(1);
    }
}
