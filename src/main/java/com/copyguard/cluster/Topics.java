package com.copyguard.cluster;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.errors.TopicExistsException;

/**
 * The cluster's topics. {@link #SEQ} has one partition so that every market-wide input has one
 * place in one order; {@link #SHARD_LOG} has one partition per shard, fixed for the life of the
 * data (a follower's shard is its id's hash modulo the count); {@link #REPLIES} carries each
 * shard's answer to an input, written in the shard's transaction.
 */
public final class Topics {
    public static final String SEQ = "cg.seq";
    public static final String SHARD_LOG = "cg.shard-log";
    public static final String REPLIES = "cg.replies";

    private Topics() {
    }

    /**
     * Creates the topics if missing: {@code shards} partitions for the shard log, {@code replication}
     * copies of each (3 in production with min.insync.replicas 2; 1 on a one-broker test cluster).
     * Logs are kept forever: the shard log is what a new owner replays after its snapshot.
     */
    public static void ensure(Admin admin, int shards, short replication) throws InterruptedException {
        Map<String, String> keep = Map.of("retention.ms", "-1", "retention.bytes", "-1",
                "min.insync.replicas", String.valueOf(Math.min(2, replication)));
        List<NewTopic> topics = List.of(
                new NewTopic(SEQ, 1, replication).configs(keep),
                new NewTopic(SHARD_LOG, shards, replication).configs(keep),
                new NewTopic(REPLIES, 1, replication).configs(Map.of("retention.ms", String.valueOf(24 * 3_600_000L))));
        Set<String> existing;
        try {
            existing = admin.listTopics().names().get();
        } catch (ExecutionException e) {
            throw new IllegalStateException("cannot list topics: " + e.getCause(), e.getCause());
        }
        for (NewTopic t : topics) {
            if (existing.contains(t.name())) {
                continue;
            }
            try {
                admin.createTopics(List.of(t)).all().get();
            } catch (ExecutionException e) {
                if (!(e.getCause() instanceof TopicExistsException)) {
                    throw new IllegalStateException("cannot create topic " + t.name() + ": " + e.getCause(), e.getCause());
                }
            }
        }
    }

    /** The shard log's partition count as the cluster has it. */
    public static int shardCount(Admin admin) throws InterruptedException {
        try {
            return admin.describeTopics(List.of(SHARD_LOG)).allTopicNames().get().get(SHARD_LOG).partitions().size();
        } catch (ExecutionException e) {
            throw new IllegalStateException("cannot describe " + SHARD_LOG + ": " + e.getCause(), e.getCause());
        }
    }
}
