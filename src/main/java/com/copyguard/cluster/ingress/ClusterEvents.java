package com.copyguard.cluster.ingress;

import com.copyguard.cluster.EventRecord;
import com.copyguard.cluster.Topics;
import com.copyguard.events.EventRing;
import com.copyguard.events.LiveEvent;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.WakeupException;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The live events every shard wrote to {@link Topics#events}, read {@code read_committed} (so only
 * events of committed inputs, in the order their transactions committed) into the ring that
 * {@code GET /events} streams from, with the single node's filters, authorization and resume. An
 * event's id is its offset in the topic's one partition: the same on every ingress, so a client can
 * resume on another ingress, or after a restart, with its {@code Last-Event-ID} as long as the ring
 * still holds the events after it (the newest {@link #KEPT}; on start it reads them back from the
 * topic). Offsets skip the transaction markers, so ids increase but are not consecutive.
 */
final class ClusterEvents implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(ClusterEvents.class);
    static final int KEPT = 10_000;
    static final int MAX_STREAMS = 256;

    private final KafkaConsumer<String, byte[]> consumer;
    private final TopicPartition partition;
    private final EventRing ring;
    private final long caughtUpAt;
    private final Thread thread;
    private volatile boolean running = true;
    private volatile boolean caughtUp;
    /** Committed events of cg.events not yet read into the ring, as of the last poll (-1: not known yet). */
    private volatile long lag = -1;

    ClusterEvents(String bootstrapServers, Topics topics) {
        Properties c = new Properties();
        c.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        c.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        c.put(ConsumerConfig.FETCH_MAX_WAIT_MS_CONFIG, "20");
        c.put(ConsumerConfig.ALLOW_AUTO_CREATE_TOPICS_CONFIG, "false");
        c.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
        this.consumer = new KafkaConsumer<>(c, new StringDeserializer(), new ByteArrayDeserializer());
        TopicPartition tp = new TopicPartition(topics.events(), 0);
        this.partition = tp;
        List<TopicPartition> partitions = List.of(tp);
        consumer.assign(partitions);
        long end = consumer.endOffsets(partitions).get(tp);
        long start = Math.max(consumer.beginningOffsets(partitions).get(tp), end - KEPT);
        consumer.seek(tp, start);
        this.caughtUpAt = end;
        this.caughtUp = start >= end;
        this.ring = new EventRing(KEPT, MAX_STREAMS, start);
        this.thread = new Thread(this::run, "cg-ingress-events");
        thread.setDaemon(true);
        thread.start();
    }

    EventRing ring() {
        return ring;
    }

    /** Events of cg.events this ingress has not read yet, as of its last poll (-1 before the first is known). */
    long lag() {
        return lag;
    }

    /** Whether the events held when this ingress started have been read back (resume is complete). */
    boolean ready() {
        return running && thread.isAlive() && caughtUp;
    }

    private void run() {
        try {
            while (running) {
                List<LiveEvent> batch = new ArrayList<>();
                long position = -1;
                for (ConsumerRecord<String, byte[]> r : consumer.poll(Duration.ofMillis(100))) {
                    try {
                        batch.add(EventRecord.decode(r.offset(), r.value()));
                    } catch (RuntimeException e) {
                        LOG.warn("event at offset {} not readable, skipped: {}", r.offset(), e.toString());
                    }
                    position = r.offset() + 1;
                }
                ring.publishAssigned(batch);
                consumer.currentLag(partition).ifPresent(l -> lag = l);
                if (!caughtUp && (position >= caughtUpAt || consumer.position(partition) >= caughtUpAt)) {
                    caughtUp = true;
                }
            }
        } catch (WakeupException e) {
            // closing
        } catch (RuntimeException e) {
            LOG.error("ingress event reader stopped", e);
        } finally {
            consumer.close(Duration.ofSeconds(2));
        }
    }

    @Override
    public void close() {
        running = false;
        consumer.wakeup();
        try {
            thread.join(5000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
