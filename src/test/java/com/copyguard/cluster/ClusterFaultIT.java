package com.copyguard.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import com.copyguard.cluster.shard.ShardWorker;
import java.nio.file.Path;
import java.util.List;
import java.util.Random;
import java.util.stream.LongStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * A shard worker dies inside an open transaction (its engines dropped, nothing committed or
 * aborted, as a killed process) at a seeded random point while a generated stream runs through two
 * workers with snapshots on; later a fresh worker joins and takes partitions over from snapshots +
 * log. Every input still gets exactly the single engine's answer, and in the end every follower's
 * state equals the single engine's (no acknowledged input lost, none applied twice), every account
 * adds up, no fill was decided twice for a subscription, and the desk-wide lists are the single
 * engine's in the one newest-first order (the marks survive the moves). 3 seeds by default, 10 with
 * {@code -Dcopyguard.cluster=full}.
 */
class ClusterFaultIT {
    private static KafkaTestCluster kafka;

    @BeforeAll
    static void startKafka() {
        kafka = KafkaTestCluster.start(1);
    }

    @AfterAll
    static void stopKafka() throws Exception {
        kafka.close();
    }

    @TempDir
    static Path keys;

    /**
     * The desk-wide lists after the moves equal the single engine's (up to the order within a
     * span): the recovered shards' records keep the marks they had, from the snapshots' marks files
     * and the log replayed after them.
     */
    private static void assertSameDeskLists(InProcessCluster cluster, ReferenceRun run) {
        com.copyguard.api.security.SigningKey key = com.copyguard.api.security.SigningKey.loadOrCreate(keys);
        try (com.copyguard.api.security.Tokens4Tests tokens = new com.copyguard.api.security.Tokens4Tests(keys);
             com.copyguard.cluster.ingress.ClusterIngress ingress = com.copyguard.cluster.ingress.ClusterIngress.start(
                     cluster.gateway(), "127.0.0.1", 0, key, new com.copyguard.api.security.SecurityOptions(
                             List.of(), List.of(), null, null, null, null),
                     com.copyguard.durability.writer.WallClockGuard.DEFAULT)) {
            com.copyguard.testing.ApiClient desk = new com.copyguard.testing.ApiClient(ingress.port(),
                    tokens.token("desk", com.copyguard.api.security.Role.DESK, null));
            assertThat(run.assertSameDeskLists(desk, 7)).as("items compared").isPositive();
        }
    }

    static LongStream seeds() {
        return LongStream.rangeClosed(101, ClusterEquivalenceIT.FULL ? 110 : 103);
    }

    @ParameterizedTest(name = "seed {0}")
    @MethodSource("seeds")
    void workerKilledMidTransactionLosesNothingAndMovesNoMoneyTwice(long seed, @TempDir Path snapshots) {
        Random random = new Random(seed);
        int inputs = ClusterEquivalenceIT.FULL ? 600 : 100;
        int crashAt = 20 + random.nextInt(inputs / 2);
        int joinAt = crashAt + 10 + random.nextInt(inputs / 4);
        try (InProcessCluster cluster = new InProcessCluster(kafka, 16, 2, snapshots, 25)) {
            ShardWorker victim = cluster.workers().get(random.nextInt(2));
            ReferenceRun run = new ReferenceRun(cluster, seed, 4, 40);
            run.run(4, inputs, i -> {
                if (i == crashAt) {
                    victim.crashAfter(random.nextInt(12));
                } else if (i == joinAt) {
                    cluster.addWorker();
                }
            });
            assertThat(victim.stopped()).as("the victim died").succeedsWithin(java.time.Duration.ofSeconds(60));
            assertThat(victim.crashed()).isTrue();
            cluster.awaitAllShardsLive();
            run.assertSameFollowerState();
            for (int p = 0; p < 16; p++) {
                List<String> unbalanced = cluster.read(p, s -> LedgerChecks.unbalancedAccounts(s.engine()));
                assertThat(unbalanced).as("accounts of shard " + p).isEmpty();
                List<String> twice = cluster.read(p, s -> LedgerChecks.decidedTwice(s.engine(), run.acknowledgedFills()));
                assertThat(twice).as("fills decided twice on shard " + p).isEmpty();
            }
            assertThat(LedgerChecks.unbalancedAccounts(run.single())).isEmpty();
            assertSameDeskLists(cluster, run);
            assertThat(run.leftOut().size()).as("inputs left out").isLessThan(inputs / 10);
            // the moves are on the per-shard meters: more recoveries than the 16 first ones, and their times
            double recoveries = cluster.registry().find("copyguard_shard_recoveries_total").counters().stream()
                    .mapToDouble(io.micrometer.core.instrument.Counter::count).sum();
            assertThat(recoveries).isGreaterThan(16);
            assertThat(cluster.registry().find("copyguard_shard_recovery_seconds").gauges()).hasSize(16);
            assertThat(cluster.registry().find("copyguard_shard_transaction_seconds").timers()).hasSize(16);
        }
    }
}
