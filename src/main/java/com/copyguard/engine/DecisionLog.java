package com.copyguard.engine;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Deque;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The most recent copy decisions in the order they were made, indexed by fill and by
 * subscription. Memory is bounded: beyond its capacity (default {@link #CAPACITY}) the oldest decisions are dropped from
 * the queryable log (the ledger they changed is unaffected; a replay of the journal rebuilds them).
 */
public final class DecisionLog {
    public static final int CAPACITY = 2_000_000;

    private final int capacity;
    private final Deque<DecisionRecord> all = new ArrayDeque<>();
    private final Map<String, Deque<DecisionRecord>> byFill = new LinkedHashMap<>();
    private final Map<String, Deque<DecisionRecord>> bySubscription = new LinkedHashMap<>();
    private long total;

    public DecisionLog() {
        this(CAPACITY);
    }

    public DecisionLog(int capacity) {
        this.capacity = capacity;
    }

    public void add(DecisionRecord d) {
        all.addLast(d);
        byFill.computeIfAbsent(fillKey(d), k -> new ArrayDeque<>()).addLast(d);
        bySubscription.computeIfAbsent(d.subscriptionId(), k -> new ArrayDeque<>()).addLast(d);
        total++;
        if (all.size() > capacity) {
            DecisionRecord oldest = all.pollFirst();
            drop(byFill, fillKey(oldest), oldest);
            drop(bySubscription, oldest.subscriptionId(), oldest);
        }
    }

    private static String fillKey(DecisionRecord d) {
        return d.expertId() + "/" + d.fillId();
    }

    /** The oldest record of a key is always at the head of its deque, as it is in {@code all}. */
    private static void drop(Map<String, Deque<DecisionRecord>> index, String key, DecisionRecord oldest) {
        Deque<DecisionRecord> q = index.get(key);
        if (q != null && q.peekFirst() == oldest) {
            q.pollFirst();
            if (q.isEmpty()) {
                index.remove(key);
            }
        }
    }

    /** The newest {@code limit} decisions matching the filters (null = any), oldest first. */
    public List<DecisionRecord> query(String fillId, String subscriptionId, int limit) {
        return query(fillId, subscriptionId, limit, d -> true);
    }

    /** As {@link #query(String, String, int)}, counting only the decisions {@code visible} accepts. */
    public List<DecisionRecord> query(String fillId, String subscriptionId, int limit,
                                      java.util.function.Predicate<DecisionRecord> visible) {
        Deque<DecisionRecord> source = subscriptionId != null
                ? bySubscription.getOrDefault(subscriptionId, new ArrayDeque<>()) : all;
        List<DecisionRecord> out = new ArrayList<>();
        for (Iterator<DecisionRecord> it = source.descendingIterator(); it.hasNext() && out.size() < limit; ) {
            DecisionRecord d = it.next();
            if ((fillId == null || fillId.equals(d.fillId())) && visible.test(d)) {
                out.add(d);
            }
        }
        Collections.reverse(out);
        return out;
    }

    /** Decisions made since the engine started (including those no longer kept). */
    public long size() {
        return total;
    }
}
