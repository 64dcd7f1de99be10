package com.copyguard.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import kafka.server.BrokerServer;
import org.apache.kafka.clients.admin.Admin;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;

/**
 * A 3-broker cluster (topics with 3 replicas, min.insync.replicas 2) loses the broker that leads
 * the sequencer's partition in the middle of a stream and gets it back later: every answer is
 * still the single engine's and so is every follower's state. Runs with {@code -Dcopyguard.cluster=full}.
 */
@EnabledIfSystemProperty(named = "copyguard.cluster", matches = "full")
class ClusterBrokerRestartIT {
    private static KafkaTestCluster kafka;

    @BeforeAll
    static void startKafka() {
        kafka = KafkaTestCluster.start(3);
    }

    @AfterAll
    static void stopKafka() throws Exception {
        kafka.close();
    }

    @Test
    void aBrokerRestartLosesNothing() {
        try (InProcessCluster cluster = new InProcessCluster(kafka, 16, 2, null, 0)) {
            int leader = leaderOfSeq(cluster.topics());
            BrokerServer broker = kafka.kit().brokers().get(leader);
            ReferenceRun run = new ReferenceRun(cluster, 301, 4, 40);
            run.run(4, 200, i -> {
                if (i == 60) {
                    broker.shutdown();
                } else if (i == 140) {
                    broker.startup();
                }
            });
            run.assertSameFollowerState();
            assertThat(leader).isIn(kafka.kit().brokers().keySet());
        }
    }

    private static int leaderOfSeq(Topics topics) {
        try (Admin admin = kafka.admin()) {
            Map<String, org.apache.kafka.clients.admin.TopicDescription> d =
                    admin.describeTopics(List.of(topics.seq())).allTopicNames().get();
            return d.get(topics.seq()).partitions().get(0).leader().id();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
