package com.copyguard.cluster.ingress;

import com.copyguard.cluster.Envelope;
import com.copyguard.core.command.ResumeSubscription;
import com.copyguard.api.ReadOperations;
import com.copyguard.cluster.sequencer.SeatRecords;
import com.copyguard.cluster.ShardReply;
import com.copyguard.cluster.ShardRouting;
import com.copyguard.cluster.Topics;
import com.copyguard.core.command.Command;
import com.copyguard.core.command.Sender;
import com.copyguard.durability.journal.CommandCodec;
import com.copyguard.core.refusal.RefusalCode;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.WakeupException;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The ingress's way into the cluster: appends an input where it belongs (a follower's shard, or
 * the sequencer for a market-wide input), or a read to the shards that answer it, and completes
 * when its reply has been read back from {@link Topics#replies} with {@code read_committed}, i.e.
 * only after the owning shards committed the transaction that applied (or answered) it. Holds no
 * state but the requests in flight.
 */
public final class ClusterGateway implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(ClusterGateway.class);

    /**
     * A reply to an input, merged from every shard that answered: the engine's status and body when
     * it was applied; its refusal code (status 0) and error body when refused; or, when the cluster
     * could not confirm it, status 503 NOT_CONFIRMED.
     */
    public record Answer(int status, com.fasterxml.jackson.databind.JsonNode body, RefusalCode refusal) {
    }

    private final String bootstrapServers;
    private final Topics topics;
    private final ShardRouting routing;
    private final Duration timeout;
    private final KafkaProducer<String, byte[]> producer;
    private final KafkaConsumer<String, byte[]> replies;
    private final Map<String, Pending> pending = new ConcurrentHashMap<>();
    private final Thread thread;
    private volatile boolean running = true;

    /** A request in flight: the shard answers received so far, complete when {@code parts} shards answered. */
    private static final class Pending {
        final int parts;
        final List<ShardReply> received = new ArrayList<>();
        final CompletableFuture<List<ShardReply>> replies = new CompletableFuture<>();

        Pending(int parts) {
            this.parts = parts;
        }
    }

    /** The cluster did not confirm a request in time (or could not take it): answered 503 NOT_CONFIRMED. */
    static final class NotConfirmed extends RuntimeException {
        NotConfirmed(String message) {
            super(message, null, false, false);
        }
    }

    public ClusterGateway(String bootstrapServers, Topics topics, int shards, Duration timeout) {
        this.bootstrapServers = bootstrapServers;
        this.topics = topics;
        this.routing = new ShardRouting(shards);
        this.timeout = timeout;
        Properties p = new Properties();
        p.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        p.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, "true");
        p.put(ProducerConfig.ACKS_CONFIG, "all");
        p.put(ProducerConfig.LINGER_MS_CONFIG, "1");
        this.producer = new KafkaProducer<>(p, new StringSerializer(), new ByteArraySerializer());
        Properties c = new Properties();
        c.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        c.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        // read_committed fetches wait for transaction markers; a short wait keeps a hop at a few ms
        c.put(ConsumerConfig.FETCH_MAX_WAIT_MS_CONFIG, "20");
        c.put(ConsumerConfig.ALLOW_AUTO_CREATE_TOPICS_CONFIG, "false");
        c.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
        this.replies = new KafkaConsumer<>(c, new StringDeserializer(), new ByteArrayDeserializer());
        List<TopicPartition> partitions = replyPartitions(replies, topics.replies());
        replies.assign(partitions);
        replies.seekToEnd(partitions);
        // resolve the end now, so that no reply to an input sent after this constructor is skipped
        partitions.forEach(replies::position);
        this.thread = new Thread(this::run, "cg-gateway-replies");
        thread.setDaemon(true);
        thread.start();
    }

    /** The reply topic's partitions, waiting briefly for a topic just created to show in the metadata. */
    private static List<TopicPartition> replyPartitions(KafkaConsumer<String, byte[]> consumer, String topic) {
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (true) {
            List<org.apache.kafka.common.PartitionInfo> info = consumer.partitionsFor(topic);
            if (info != null && !info.isEmpty()) {
                return info.stream().map(i -> new TopicPartition(i.topic(), i.partition())).toList();
            }
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("topic " + topic + " does not exist");
            }
            try {
                Thread.sleep(100);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
    }

    /** Whether the reply reader runs: without it no input can be confirmed. */
    public boolean readingReplies() {
        return running && thread.isAlive();
    }

    String bootstrapServers() {
        return bootstrapServers;
    }

    Topics topics() {
        return topics;
    }

    public ShardRouting routing() {
        return routing;
    }

    /**
     * Sends {@code command} as {@code sender} (null: unknown); {@code confinedTo}: the follower a
     * follower-only caller is held to (null: not confined). Completes with the merged reply, or with a
     * 503 answer if the input could not be appended or its reply did not come within the timeout
     * (then it may still be applied: retry with the same idempotency key).
     */
    public CompletableFuture<Answer> submit(Command command, Sender sender, String confinedTo) {
        if (command instanceof ResumeSubscription r && r.copyExistingPositions() && routing.shards() > 1) {
            return resumeWithCatchUp(r, sender, confinedTo);
        }
        return submit(command, sender, confinedTo, null);
    }

    /**
     * A resume that copies the expert's positions is decided with the other shards' following
     * notional at its place in the market order, so it goes through the sequencer like a follow,
     * naming its expert: the subscription is read from its shard first (its expert never changes).
     * A subscription that cannot be read goes straight to its shard, which refuses it as the single
     * node would.
     */
    private CompletableFuture<Answer> resumeWithCatchUp(ResumeSubscription r, Sender sender, String confinedTo) {
        int shard = routing.ofMintedId(r.subscriptionId());
        ReadOperations.Request read = new ReadOperations.Request("getSubscription",
                java.util.Map.of("subscriptionId", r.subscriptionId()), java.util.Map.of(), null, null);
        return ask(List.of(shard), com.copyguard.cluster.QueryRecord.encode(read), confinedTo)
                .thenCompose(replies -> {
                    ShardReply reply = replies.get(0);
                    String expert = reply.refused() ? null : reply.body().path("expertId").asText(null);
                    return submit(r, sender, confinedTo, expert);
                })
                .exceptionally(ClusterGateway::unavailable);
    }

    /** {@code gatherExpert}: a catch-up resume's expert (through the sequencer), or null. */
    private CompletableFuture<Answer> submit(Command command, Sender sender, String confinedTo, String gatherExpert) {
        int shard = routing.of(command);
        boolean market = shard == ShardRouting.MARKET;
        // a follow takes a seat of its expert through the sequencer, which hands it on to its shard alone
        boolean follow = command instanceof com.copyguard.core.command.Follow;
        String requestId = UUID.randomUUID().toString();
        Pending p = new Pending(market ? routing.shards() : 1);
        pending.put(requestId, p);
        byte[] value = CommandCodec.encode(command, sender).getBytes(StandardCharsets.UTF_8);
        ProducerRecord<String, byte[]> record = market || follow || gatherExpert != null
                ? new ProducerRecord<>(topics.seq(), 0, null, value)
                : new ProducerRecord<>(topics.shardLog(), shard, null, value);
        new Envelope(requestId, p.parts, confinedTo).writeTo(record.headers());
        if (follow) {
            SeatRecords.markFollow(record.headers());
        }
        if (gatherExpert != null) {
            com.copyguard.cluster.GatherRecords.markCatchUp(record.headers(), gatherExpert);
        }
        send(requestId, p, record);
        return await(requestId, p, "the input may still be applied (repeat it with the same idempotency key)")
                .handle((replies, error) -> {
                    if (error != null) {
                        return unavailable(error);
                    }
                    ReplyMerge.Merged m = ReplyMerge.of(replies);
                    return new Answer(m.status(), m.body(), m.refusal());
                });
    }

    /**
     * Appends the read {@code query} (a {@link com.copyguard.cluster.QueryRecord}) to each of
     * {@code shards}' logs and completes with their answers, each given after every record before it
     * on its shard was applied; fails with {@link NotConfirmed} when they do not all come within the timeout.
     */
    CompletableFuture<List<ShardReply>> ask(List<Integer> shards, byte[] query, String confinedTo) {
        String requestId = UUID.randomUUID().toString();
        Pending p = new Pending(shards.size());
        pending.put(requestId, p);
        for (int shard : shards) {
            ProducerRecord<String, byte[]> record = new ProducerRecord<>(topics.shardLog(), shard, null, query);
            new Envelope(requestId, p.parts, confinedTo, true).writeTo(record.headers());
            send(requestId, p, record);
        }
        return await(requestId, p, "nothing was read (a read changes nothing: ask again)");
    }

    /**
     * Appends the rule authoring record {@code r} to {@link Topics#seq}, which the sequencer hands to
     * every shard in the market's order, and completes with every shard's answer; {@code query}: a
     * read (a shadow run step: answered, never replayed) rather than an input (a proposal step:
     * applied and replayed). Fails with {@link NotConfirmed} when they do not all come within the timeout.
     */
    CompletableFuture<List<ShardReply>> everyShard(com.copyguard.cluster.RuleRecord r, boolean query) {
        String requestId = UUID.randomUUID().toString();
        Pending p = new Pending(routing.shards());
        pending.put(requestId, p);
        ProducerRecord<String, byte[]> record = new ProducerRecord<>(topics.seq(), 0, null, r.encode());
        new Envelope(requestId, p.parts, null, query, true).writeTo(record.headers());
        send(requestId, p, record);
        return await(requestId, p, query ? "nothing was changed (ask again)"
                : "the request may still be applied on every shard (list the proposals before repeating it)");
    }

    /** Appends the rule authoring read {@code r} to {@code shard}'s log and completes with its answer. */
    CompletableFuture<ShardReply> oneShard(int shard, com.copyguard.cluster.RuleRecord r) {
        String requestId = UUID.randomUUID().toString();
        Pending p = new Pending(1);
        pending.put(requestId, p);
        ProducerRecord<String, byte[]> record = new ProducerRecord<>(topics.shardLog(), shard, null, r.encode());
        new Envelope(requestId, 1, null, true, true).writeTo(record.headers());
        send(requestId, p, record);
        return await(requestId, p, "nothing was read (a read changes nothing: ask again)").thenApply(replies -> replies.get(0));
    }

    /** Every shard's answer to a checkpoint marker, and the marker's offset on cg.seq. */
    record Checkpointed(long seq, List<ShardReply> replies) {
    }

    /**
     * Appends the read {@code query} to {@link Topics#seq} as a checkpoint marker, which the
     * sequencer forwards to every shard in the market's order, and completes with every shard's
     * answer and the marker's cg.seq offset; fails with {@link NotConfirmed} when they do not all
     * come within the timeout.
     */
    CompletableFuture<Checkpointed> checkpoint(byte[] query) {
        String requestId = UUID.randomUUID().toString();
        Pending p = new Pending(routing.shards());
        pending.put(requestId, p);
        ProducerRecord<String, byte[]> record = new ProducerRecord<>(topics.seq(), 0, null, query);
        new Envelope(requestId, p.parts, null, true).writeTo(record.headers());
        CompletableFuture<Long> seq = new CompletableFuture<>();
        send(requestId, p, record, seq);
        return await(requestId, p, "nothing was changed (a checkpoint is a read: ask again)")
                .thenCombine(seq, (replies, offset) -> new Checkpointed(offset, replies));
    }

    private void send(String requestId, Pending p, ProducerRecord<String, byte[]> record) {
        send(requestId, p, record, new CompletableFuture<>());
    }

    /** Appends {@code record}; {@code offset} completes with where it was appended. */
    private void send(String requestId, Pending p, ProducerRecord<String, byte[]> record, CompletableFuture<Long> offset) {
        producer.send(record, (meta, error) -> {
            if (error != null) {
                pending.remove(requestId);
                offset.completeExceptionally(error);
                p.replies.completeExceptionally(new NotConfirmed("the request could not be appended: " + error.getMessage()));
            } else {
                offset.complete(meta.offset());
            }
        });
    }

    private CompletableFuture<List<ShardReply>> await(String requestId, Pending p, String whenLate) {
        return p.replies.orTimeout(timeout.toMillis(), java.util.concurrent.TimeUnit.MILLISECONDS)
                .handle((replies, error) -> {
                    pending.remove(requestId);
                    if (error instanceof TimeoutException) {
                        throw new NotConfirmed("no reply within " + timeout.toMillis() + " ms; " + whenLate);
                    }
                    if (error instanceof NotConfirmed n) {
                        throw n;
                    }
                    if (error != null) {
                        throw new NotConfirmed(String.valueOf(error));
                    }
                    return replies;
                });
    }

    /** The 503 answer to a request the cluster did not confirm. */
    static Answer unavailable(Throwable error) {
        Throwable cause = error instanceof java.util.concurrent.CompletionException c && c.getCause() != null ? c.getCause() : error;
        return unavailable(cause instanceof NotConfirmed ? cause.getMessage() : String.valueOf(cause));
    }

    private static Answer unavailable(String message) {
        return new Answer(503, com.copyguard.json.Json.object().put("error", "NOT_CONFIRMED").put("message", message), null);
    }

    private void run() {
        try {
            while (running) {
                for (ConsumerRecord<String, byte[]> r : replies.poll(Duration.ofMillis(100))) {
                    Pending p = pending.get(r.key());
                    if (p == null) {
                        continue; // another ingress's request, or one that timed out
                    }
                    ShardReply reply = ShardReply.decode(r.value());
                    // a shard that recovered answers again what its aborted transaction answered: count each shard once
                    if (p.received.stream().noneMatch(x -> x.shard() == reply.shard())) {
                        p.received.add(reply);
                    }
                    if (p.received.size() == p.parts) {
                        p.replies.complete(List.copyOf(p.received));
                    }
                }
            }
        } catch (WakeupException e) {
            // closing
        } catch (RuntimeException e) {
            LOG.error("gateway reply reader stopped", e);
        } finally {
            replies.close(Duration.ofSeconds(2));
        }
    }

    @Override
    public void close() {
        running = false;
        replies.wakeup();
        try {
            thread.join(5000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        producer.close(Duration.ofSeconds(5));
        pending.values().forEach(p -> p.replies.completeExceptionally(new NotConfirmed("the ingress is shutting down")));
    }
}
