package com.copyguard.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Shard workers as separate JVMs ({@code cluster worker} from the jar), one killed with SIGKILL at a
 * seeded random moment while inputs flow (so often inside an open transaction, and without leaving
 * the group: the survivor takes over after the session timeout). A third worker joins later. At
 * the end the workers stop and an in-process worker recovers every shard from their snapshots +
 * log: each follower's state equals the single engine's, every answer was the single engine's.
 * Slow (JVM starts, a 10 s session timeout): runs with {@code -Dcopyguard.cluster=full}.
 */
@EnabledIfSystemProperty(named = "copyguard.cluster", matches = "full")
class ClusterProcessIT {
    private static KafkaTestCluster kafka;

    @BeforeAll
    static void startKafka() {
        kafka = KafkaTestCluster.start(1);
    }

    @AfterAll
    static void stopKafka() throws Exception {
        kafka.close();
    }

    /** The README's all-in-one process: sequencer (seeding rules and instruments), a worker and the ingress. */
    @org.junit.jupiter.api.Test
    void allPartsInOneProcessServeTheApi(@TempDir Path keys) {
        Topics topics = new Topics("all" + System.nanoTime() % 100000);
        try (WorkerProcess all = WorkerProcess.launch(List.of("cluster", "all", "--bootstrap-servers",
                kafka.bootstrapServers(), "--topic-prefix", topics.prefix(), "--replication", "1", "--shards", "8",
                "--port", "0", "--key-dir", keys.toString()));
             com.copyguard.api.security.Tokens4Tests tokens = new com.copyguard.api.security.Tokens4Tests(keys)) {
            com.copyguard.testing.ApiClient api = new com.copyguard.testing.ApiClient(all.ingressPort(),
                    tokens.token("ops", com.copyguard.api.security.Role.ADMIN, null));
            assertThat(api.put("/experts/alice", "{\"equity\":\"10000\"}").status()).isEqualTo(201);
            var follow = api.post("/subscriptions", "{\"followerId\":\"bob\",\"expertId\":\"alice\",\"mode\":\"MULTIPLIER\","
                    + "\"multiplier\":\"0.1\",\"amount\":\"1000\",\"settings\":{\"leverage\":{\"mode\":\"FIXED\",\"value\":20}},"
                    + "\"time\":1700000000000}");
            assertThat(follow.status()).as(follow.raw()).isEqualTo(201);
            var fill = api.post("/experts/alice/fills", "{\"fillId\":\"f1\",\"symbol\":\"BTCUSDT\",\"action\":\"OPEN_LONG\","
                    + "\"qty\":\"0.1\",\"price\":\"100000\",\"leverage\":100,\"marginMode\":\"CROSS\",\"status\":\"FILLED\","
                    + "\"time\":1700000001000}");
            assertThat(fill.status()).as(fill.raw() + "\n" + all.log()).isEqualTo(200);
            assertThat(fill.body().path("copied").asInt()).as("BTCUSDT came from the seeded catalog").isEqualTo(1);
        }
    }

    @ParameterizedTest(name = "seed {0}")
    @ValueSource(longs = {201, 202, 203})
    void aWorkerKilledWithSigkillLosesNothing(long seed, @TempDir Path snapshots) {
        Random random = new Random(seed);
        int inputs = 200;
        int killAt = 30 + random.nextInt(80);
        int joinAt = killAt + 20 + random.nextInt(40);
        List<WorkerProcess> processes = new ArrayList<>();
        try (InProcessCluster cluster = new InProcessCluster(kafka, 16, 0, snapshots, 25)) {
            processes.add(WorkerProcess.start(kafka.bootstrapServers(), cluster.topics(), snapshots, "p1"));
            processes.add(WorkerProcess.start(kafka.bootstrapServers(), cluster.topics(), snapshots, "p2"));
            WorkerProcess victim = processes.get(random.nextInt(2));
            ReferenceRun run = new ReferenceRun(cluster, seed, 4, 40);
            run.run(4, inputs, i -> {
                if (i == killAt) {
                    // a moment later, while this input is on its way through the shards
                    CompletableFuture.runAsync(victim::kill, CompletableFuture.delayedExecutor(random.nextInt(40),
                            TimeUnit.MILLISECONDS));
                } else if (i == joinAt) {
                    processes.add(WorkerProcess.start(kafka.bootstrapServers(), cluster.topics(), snapshots, "p3"));
                }
            });
            assertThat(victim.exitCode()).as("the victim was killed with SIGKILL").isEqualTo(137);
            for (WorkerProcess p : processes) {
                p.close();
            }
            cluster.addWorker();
            cluster.awaitAllShardsLive();
            run.assertSameFollowerState();
            for (int p = 0; p < 16; p++) {
                List<String> unbalanced = cluster.read(p, s -> LedgerChecks.unbalancedAccounts(s.engine()));
                assertThat(unbalanced).as("accounts of shard " + p).isEmpty();
                List<String> twice = cluster.read(p, s -> LedgerChecks.decidedTwice(s.engine(), run.acknowledgedFills()));
                assertThat(twice).as("fills decided twice on shard " + p).isEmpty();
            }
        } finally {
            processes.forEach(WorkerProcess::kill);
        }
    }
}
