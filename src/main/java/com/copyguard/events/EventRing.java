package com.copyguard.events;

import com.copyguard.core.refusal.RefusalCode;
import com.copyguard.core.refusal.InputRefused;
import com.copyguard.json.Json;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArraySet;
import java.util.function.Consumer;

/**
 * The newest published events, for streaming and for resuming after a reconnect. Ids are one
 * monotonic sequence; a client that reconnects with {@code Last-Event-ID} gets exactly the events
 * after it, as long as the ring still holds the next one. The sequence starts at the wall-clock
 * time (in microseconds) the service started, so an id from before a restart is older than the ring
 * and is refused instead of being mistaken for a new event.
 */
public final class EventRing {
    private final int capacity;
    private final ArrayDeque<LiveEvent> events;
    private final Set<Subscriber> subscribers = new CopyOnWriteArraySet<>();
    private final int maxSubscribers;
    /** Events handed to streams so far (one per stream it went to, a resumed stream's backlog included), for metrics. */
    private final java.util.concurrent.atomic.AtomicLong delivered = new java.util.concurrent.atomic.AtomicLong();
    /** Id of the last event published (or first id − 1 before any). */
    private long lastId;
    /** The newest id that was skipped rather than kept: no resume from before it is complete. */
    private long skippedUpTo;

    /** A stream's receiving end: gets each published batch's events that pass its filter, in order. */
    public static final class Subscriber {
        private final EventFilter filter;
        private final Consumer<List<LiveEvent>> sink;

        public Subscriber(EventFilter filter, Consumer<List<LiveEvent>> sink) {
            this.filter = filter;
            this.sink = sink;
        }

        EventFilter filter() {
            return filter;
        }

        Consumer<List<LiveEvent>> sink() {
            return sink;
        }
    }

    public EventRing(int capacity, int maxSubscribers, long firstId) {
        this.capacity = capacity;
        this.maxSubscribers = maxSubscribers;
        this.events = new ArrayDeque<>(Math.min(capacity, 4096));
        this.lastId = firstId - 1;
        this.skippedUpTo = firstId - 1;
    }

    /**
     * Publishes events in order. When more arrive at once than the ring holds, only the newest
     * {@code capacity} are built and kept; the others still take their ids, so a client that missed
     * them is told it cannot resume.
     */
    synchronized void publish(List<LiveEvent.Pending> pending, long skippedBefore) {
        int skip = Math.max(0, pending.size() - capacity);
        if (skippedBefore + skip > 0) {
            lastId += skippedBefore + skip;
            skippedUpTo = lastId;
        }
        List<LiveEvent> published = new ArrayList<>(pending.size());
        for (int i = skip; i < pending.size(); i++) {
            LiveEvent.Pending p = pending.get(i);
            long id = ++lastId;
            LiveEvent e = new LiveEvent(id, p.type(), p.followerId(), p.expertId(), p.subscriptionIds(),
                    serialize(id, p));
            if (events.size() == capacity) {
                events.removeFirst();
            }
            events.addLast(e);
            published.add(e);
        }
        deliver(published);
    }

    private void deliver(List<LiveEvent> published) {
        if (published.isEmpty()) {
            return;
        }
        for (Subscriber s : subscribers) {
            List<LiveEvent> mine = new ArrayList<>();
            for (LiveEvent e : published) {
                if (s.filter().accepts(e)) {
                    mine.add(e);
                }
            }
            if (!mine.isEmpty()) {
                delivered.addAndGet(mine.size());
                s.sink().accept(mine);
            }
        }
    }

    /**
     * Publishes events whose ids were assigned elsewhere (the cluster ingress: their offsets in the
     * events topic), in increasing id order; ids need not be consecutive. An event whose id is not
     * above the last one published is a repeat and is dropped.
     */
    public synchronized void publishAssigned(List<LiveEvent> assigned) {
        List<LiveEvent> published = new ArrayList<>(assigned.size());
        for (LiveEvent e : assigned) {
            if (e.id() <= lastId) {
                continue;
            }
            lastId = e.id();
            if (events.size() == capacity) {
                events.removeFirst();
            }
            events.addLast(e);
            published.add(e);
        }
        deliver(published);
    }

    /**
     * Drops every held event: for a publisher that hands each batch on at once (a cluster shard
     * writes its events to Kafka) and serves no resume itself.
     */
    public synchronized void forget() {
        events.clear();
    }

    private static String serialize(long id, LiveEvent.Pending p) {
        ObjectNode n = Json.object();
        n.put("id", id);
        n.put("type", p.type().name());
        n.setAll(p.body().get());
        try {
            return Json.MAPPER.writeValueAsString(n);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * Registers {@code subscriber} and returns, atomically with it, the held events after
     * {@code afterId} that pass its filter (none when {@code afterId} is null: a new stream starts
     * now). Throws 410 EVENTS_GONE when events after {@code afterId} are no longer held, or when the
     * id was never issued; 503 TOO_MANY_STREAMS when the stream limit is reached.
     */
    public synchronized List<LiveEvent> subscribe(Long afterId, Subscriber subscriber) {
        List<LiveEvent> backlog = new ArrayList<>();
        if (afterId != null) {
            long oldest = events.isEmpty() ? lastId + 1 : events.peekFirst().id();
            if (afterId > lastId) {
                throw new InputRefused(RefusalCode.EVENTS_GONE, "event " + afterId + " was never sent (the newest is "
                        + lastId + "); reload and start a new stream");
            }
            if (afterId < Math.max(oldest - 1, skippedUpTo)) {
                throw new InputRefused(RefusalCode.EVENTS_GONE, "events after " + afterId
                        + " are no longer held (the oldest kept is " + oldest + "); reload and start a new stream");
            }
            for (Iterator<LiveEvent> it = events.descendingIterator(); it.hasNext(); ) {
                LiveEvent e = it.next();
                if (e.id() <= afterId) {
                    break;
                }
                if (subscriber.filter().accepts(e)) {
                    backlog.add(e);
                }
            }
            java.util.Collections.reverse(backlog);
        }
        if (subscribers.size() >= maxSubscribers) {
            throw new InputRefused(RefusalCode.TOO_MANY_STREAMS, "at most " + maxSubscribers
                    + " event streams may be open at once; try again later");
        }
        subscribers.add(subscriber);
        delivered.addAndGet(backlog.size());
        return backlog;
    }

    public void unsubscribe(Subscriber subscriber) {
        subscribers.remove(subscriber);
    }

    public synchronized long lastId() {
        return lastId;
    }

    /** How many streams are open now. */
    public int streams() {
        return subscribers.size();
    }

    /** How many events were handed to streams so far, each counted once per stream it went to, a resumed stream's backlog included. */
    public long delivered() {
        return delivered.get();
    }
}
