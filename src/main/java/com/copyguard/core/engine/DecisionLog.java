package com.copyguard.core.engine;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Deque;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import com.copyguard.core.paging.Page;
import com.copyguard.core.paging.PageRequest;
import com.copyguard.core.paging.Pages;
import com.copyguard.core.paging.Pages.Positioned;

/**
 * The most recent copy decisions in the order they were made, indexed by fill and by
 * subscription. Memory is bounded: beyond its capacity (default {@link #CAPACITY}) the oldest decisions are dropped from
 * the queryable log (the ledger they changed is unaffected; a replay of the journal rebuilds them).
 */
public final class DecisionLog {
    public static final int CAPACITY = 2_000_000;

    private final int capacity;
    /** Each decision with its ordinal since the engine started: its position for pagination. */
    private final Deque<Positioned<DecisionRecord>> all = new ArrayDeque<>();
    private final Map<String, Deque<Positioned<DecisionRecord>>> byFill = new LinkedHashMap<>();
    private final Map<String, Deque<Positioned<DecisionRecord>>> bySubscription = new LinkedHashMap<>();
    private long total;

    public DecisionLog() {
        this(CAPACITY);
    }

    public DecisionLog(int capacity) {
        this.capacity = capacity;
    }

    public DecisionLogState state() {
        List<DecisionRecord> kept = new ArrayList<>(all.size());
        all.forEach(p -> kept.add(p.value()));
        return new DecisionLogState(total, kept);
    }

    /** Replaces the log by {@code state}, rebuilding its indexes; the capacity stays this log's. */
    public void restore(DecisionLogState state) {
        all.clear();
        byFill.clear();
        bySubscription.clear();
        long position = state.total() - state.kept().size();
        for (DecisionRecord d : state.kept()) {
            index(new Positioned<>(position++, d));
        }
        total = state.total();
    }

    public void add(DecisionRecord d) {
        addAll(List.of(d));
    }

    /**
     * Adds {@code made} in order. A fill's decisions arrive together: its by-fill key is built and
     * looked up once per run of one fill's decisions, not once per follower.
     */
    public void addAll(List<DecisionRecord> made) {
        DecisionRecord runOf = null;
        Deque<Positioned<DecisionRecord>> run = null;
        for (DecisionRecord d : made) {
            if (run == null || !d.fillId().equals(runOf.fillId()) || !d.expertId().equals(runOf.expertId())) {
                run = byFill.computeIfAbsent(fillKey(d), k -> new ArrayDeque<>());
                runOf = d;
            }
            Positioned<DecisionRecord> entry = new Positioned<>(total, d);
            all.addLast(entry);
            run.addLast(entry);
            bySubscription.computeIfAbsent(d.subscriptionId(), k -> new ArrayDeque<>()).addLast(entry);
            total++;
            if (all.size() > capacity) {
                Positioned<DecisionRecord> oldest = all.pollFirst();
                drop(byFill, fillKey(oldest.value()), oldest);
                drop(bySubscription, oldest.value().subscriptionId(), oldest);
                run = null; // the drop may have removed the run's deque from byFill
            }
        }
    }

    private void index(Positioned<DecisionRecord> entry) {
        all.addLast(entry);
        byFill.computeIfAbsent(fillKey(entry.value()), k -> new ArrayDeque<>()).addLast(entry);
        bySubscription.computeIfAbsent(entry.value().subscriptionId(), k -> new ArrayDeque<>()).addLast(entry);
    }

    private static String fillKey(DecisionRecord d) {
        return d.expertId() + "/" + d.fillId();
    }

    /** The oldest record of a key is always at the head of its deque, as it is in {@code all}. */
    private static void drop(Map<String, Deque<Positioned<DecisionRecord>>> index, String key,
                             Positioned<DecisionRecord> oldest) {
        Deque<Positioned<DecisionRecord>> q = index.get(key);
        if (q != null && q.peekFirst() == oldest) {
            q.pollFirst();
            if (q.isEmpty()) {
                index.remove(key);
            }
        }
    }

    /** The newest {@code limit} decisions matching the filters (null = any), oldest first. */
    public List<DecisionRecord> query(String fillId, String subscriptionId, int limit) {
        List<DecisionRecord> out = new ArrayList<>();
        for (Iterator<Positioned<DecisionRecord>> it = source(subscriptionId); it.hasNext() && out.size() < limit; ) {
            DecisionRecord d = it.next().value();
            if (fillId == null || fillId.equals(d.fillId())) {
                out.add(d);
            }
        }
        Collections.reverse(out);
        return out;
    }

    /**
     * A page of the decisions of {@code subscriptionId} (null = all) that match {@code filter}, newest
     * first.
     */
    public Page<DecisionRecord> page(String subscriptionId, Predicate<DecisionRecord> filter, PageRequest request) {
        return page(null, null, subscriptionId, filter, request);
    }

    /**
     * As above; with both {@code expertId} and {@code fillId} (and no subscription) only that fill's
     * decisions are read, so paging a fill's fan-out costs its size, not the log's.
     */
    public Page<DecisionRecord> page(String expertId, String fillId, String subscriptionId,
                                     Predicate<DecisionRecord> filter, PageRequest request) {
        return positionedPage(expertId, fillId, subscriptionId, filter, request).map(Positioned::value);
    }

    /**
     * As above, each decision with its position (its ordinal since the engine started): a cluster
     * shard orders its decisions among the other shards' by it.
     */
    public Page<Positioned<DecisionRecord>> positionedPage(String expertId, String fillId, String subscriptionId,
                                                           Predicate<DecisionRecord> filter, PageRequest request) {
        Iterator<Positioned<DecisionRecord>> source = expertId != null && fillId != null && subscriptionId == null
                ? byFill.getOrDefault(expertId + "/" + fillId, new ArrayDeque<>()).descendingIterator()
                : source(subscriptionId);
        return Pages.walk(source, Positioned::position, p -> filter.test(p.value()), request);
    }

    private Iterator<Positioned<DecisionRecord>> source(String subscriptionId) {
        Deque<Positioned<DecisionRecord>> source = subscriptionId == null ? all
                : bySubscription.getOrDefault(subscriptionId, new ArrayDeque<>());
        return source.descendingIterator();
    }

    /** The position of the oldest decision still kept (equal to {@link #size()} when none is). */
    public long oldestKept() {
        return total - all.size();
    }

    /** Decisions made since the engine started (including those no longer kept). */
    public long size() {
        return total;
    }
}
