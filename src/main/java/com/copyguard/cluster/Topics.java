package com.copyguard.cluster;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.errors.TopicExistsException;

/**
 * The cluster's topics. {@link #seq} has one partition so that every market-wide input has one
 * place in one order; {@link #shardLog} has one partition per shard, fixed for the life of the
 * data (a follower's shard is its id's hash modulo the count); {@link #replies} carries each
 * shard's answer to an input, written in the shard's transaction; {@link #events} the live events
 * ({@code GET /events}) the input caused, in the same transaction. Both have one partition, so an
 * event's offset is its id in one sequence every ingress agrees on.
 */
public record Topics(String prefix) {
    /** The names a production cluster uses: cg.seq, cg.shard-log, cg.replies, groups and transactional ids cg-... */
    public static final Topics DEFAULT = new Topics("cg");

    public Topics {
        if (!prefix.matches("[A-Za-z0-9_-]{1,32}")) {
            throw new IllegalArgumentException("a topic prefix is 1-32 letters, digits, '_' or '-'");
        }
    }

    public String seq() {
        return prefix + ".seq";
    }

    public String shardLog() {
        return prefix + ".shard-log";
    }

    public String replies() {
        return prefix + ".replies";
    }

    public String events() {
        return prefix + ".events";
    }

    /** The consumer group of the shard workers. */
    public String shardGroup() {
        return prefix + "-shards";
    }

    public String sequencerGroup() {
        return prefix + "-sequencer";
    }

    public String sequencerTransactionalId() {
        return prefix + "-sequencer";
    }

    /** The static transactional id of shard {@code p}'s producer, whoever owns it. */
    public String shardTransactionalId(int p) {
        return prefix + "-shard-" + p;
    }

    /**
     * Creates the topics if missing: {@code shards} partitions for the shard log, {@code replication}
     * copies of each (3 in production with min.insync.replicas 2; 1 on a one-broker test cluster).
     * Logs are kept forever: the shard log is what a new owner replays after its snapshot.
     */
    public void ensure(Admin admin, int shards, short replication) throws InterruptedException {
        Map<String, String> keep = Map.of("retention.ms", "-1", "retention.bytes", "-1",
                "min.insync.replicas", String.valueOf(Math.min(2, replication)));
        List<NewTopic> topics = List.of(
                new NewTopic(seq(), 1, replication).configs(keep),
                new NewTopic(shardLog(), shards, replication).configs(keep),
                new NewTopic(replies(), 1, replication).configs(Map.of("retention.ms", String.valueOf(24 * 3_600_000L))),
                new NewTopic(events(), 1, replication).configs(Map.of("retention.ms", String.valueOf(24 * 3_600_000L))));
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
    public int shardCount(Admin admin) throws InterruptedException {
        try {
            return admin.describeTopics(List.of(shardLog())).allTopicNames().get().get(shardLog()).partitions().size();
        } catch (ExecutionException e) {
            throw new IllegalStateException("cannot describe " + shardLog() + ": " + e.getCause(), e.getCause());
        }
    }
}
