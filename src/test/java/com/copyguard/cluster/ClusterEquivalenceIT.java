package com.copyguard.cluster;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The same generated input stream (every kind of input) through a single-node engine and through
 * the cluster on a real in-process Kafka, with 16 shards over 1 and 2 workers (4 with
 * {@code -Dcopyguard.cluster=full}, which also runs longer streams): the same answers, the same
 * decisions, the same state for every follower.
 */
class ClusterEquivalenceIT {
    static final boolean FULL = "full".equals(System.getProperty("copyguard.cluster"));
    private static KafkaTestCluster kafka;

    @BeforeAll
    static void startKafka() {
        kafka = KafkaTestCluster.start(1);
    }

    @AfterAll
    static void stopKafka() throws Exception {
        kafka.close();
    }

    @ParameterizedTest(name = "{0} worker(s) x 16 shards")
    @ValueSource(ints = {1, 2})
    void sameDecisionsAndStateAsOneEngine(int workers) {
        check(workers, 11 + workers, FULL ? 3000 : 150, FULL ? 12 : 4, FULL ? 300 : 40);
    }

    @Test
    @EnabledIfSystemProperty(named = "copyguard.cluster", matches = "full")
    void fourWorkers() {
        check(4, 17, 3000, 12, 300);
    }

    private static void check(int workers, long seed, int inputs, int experts, int maxSubscriptions) {
        try (InProcessCluster cluster = new InProcessCluster(kafka, 16, workers, null, 0)) {
            ReferenceRun run = new ReferenceRun(cluster, seed, experts, maxSubscriptions);
            run.run(Math.max(1, maxSubscriptions / experts / 2), inputs, i -> { });
            run.assertSameFollowerState();
            // the stream must be what it claims: hardly anything left out
            org.assertj.core.api.Assertions.assertThat(run.leftOut().size()).as("inputs left out").isLessThan(inputs / 10);
            // maxFollowers is counted across shards: some follows met a full expert, on both sides alike
            org.assertj.core.api.Assertions.assertThat(run.refusals()).as("refusals").containsKey("EXPERT_FULL");
        }
    }
}
