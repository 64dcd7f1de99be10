package com.copyguard.cluster;

import java.util.Map;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.common.test.KafkaClusterTestKit;
import org.apache.kafka.common.test.TestKitNodes;

/**
 * A real KRaft Kafka cluster in this JVM (kafka-test-common-runtime): one combined broker and
 * controller, or {@code brokers} brokers beside one controller. Started once per test class; tests
 * keep apart by a topic prefix each ({@link Topics}).
 */
public final class KafkaTestCluster implements AutoCloseable {
    private final KafkaClusterTestKit kit;
    private final int brokers;

    private KafkaTestCluster(KafkaClusterTestKit kit, int brokers) {
        this.kit = kit;
        this.brokers = brokers;
    }

    public static KafkaTestCluster start(int brokers) {
        try {
            TestKitNodes nodes = new TestKitNodes.Builder().setCombined(brokers == 1).setNumBrokerNodes(brokers)
                    .setNumControllerNodes(1).build();
            String rf = String.valueOf(Math.min(3, brokers));
            KafkaClusterTestKit kit = new KafkaClusterTestKit.Builder(nodes)
                    .setConfigProp("offsets.topic.replication.factor", rf)
                    .setConfigProp("offsets.topic.num.partitions", "4")
                    .setConfigProp("transaction.state.log.replication.factor", rf)
                    .setConfigProp("transaction.state.log.min.isr", String.valueOf(Math.min(2, brokers)))
                    .setConfigProp("transaction.state.log.num.partitions", "4")
                    .setConfigProp("group.initial.rebalance.delay.ms", "0")
                    .setConfigProp("group.min.session.timeout.ms", "1000")
                    .build();
            kit.format();
            kit.startup();
            kit.waitForReadyBrokers();
            return new KafkaTestCluster(kit, brokers);
        } catch (Exception e) {
            throw new IllegalStateException("the in-process Kafka cluster did not start", e);
        }
    }

    public String bootstrapServers() {
        return kit.bootstrapServers();
    }

    public short replication() {
        return (short) Math.min(3, brokers);
    }

    public Admin admin() {
        return Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers()));
    }

    /** The test kit, for faults such as stopping and restarting a broker. */
    public KafkaClusterTestKit kit() {
        return kit;
    }

    @Override
    public void close() throws Exception {
        kit.close();
    }
}
