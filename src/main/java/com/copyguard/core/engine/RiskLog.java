package com.copyguard.core.engine;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Deque;
import java.util.Iterator;
import java.util.List;
import java.util.function.Predicate;
import com.copyguard.core.paging.Page;
import com.copyguard.core.paging.PageRequest;
import com.copyguard.core.paging.Pages;
import com.copyguard.core.paging.Pages.Positioned;

/** The most recent risk actions in the order taken, bounded like the decision log. */
public final class RiskLog {
    public static final int CAPACITY = 1_000_000;

    private final Deque<RiskActionRecord> all = new ArrayDeque<>();
    private long total;

    public RiskLogState state() {
        return new RiskLogState(total, new ArrayList<>(all));
    }

    public void restore(RiskLogState state) {
        all.clear();
        all.addAll(state.kept());
        total = state.total();
    }

    public void add(RiskActionRecord r) {
        all.addLast(r);
        total++;
        if (all.size() > CAPACITY) {
            all.pollFirst();
        }
    }

    /** Risk actions taken since the engine started (including those no longer kept). */
    public long size() {
        return total;
    }

    /** A page of the actions that match {@code filter}, newest first; positions are ordinals since the start. */
    public Page<RiskActionRecord> page(Predicate<RiskActionRecord> filter, PageRequest request) {
        return positionedPage(filter, request).map(Positioned::value);
    }

    /** As above, each action with its position: a cluster shard orders its actions among the other shards' by it. */
    public Page<Positioned<RiskActionRecord>> positionedPage(Predicate<RiskActionRecord> filter, PageRequest request) {
        Iterator<RiskActionRecord> newestFirst = all.descendingIterator();
        Iterator<Positioned<RiskActionRecord>> positioned = new Iterator<>() {
            private long position = total;

            @Override
            public boolean hasNext() {
                return newestFirst.hasNext();
            }

            @Override
            public Positioned<RiskActionRecord> next() {
                return new Positioned<>(--position, newestFirst.next());
            }
        };
        return Pages.walk(positioned, Positioned::position, p -> filter.test(p.value()), request);
    }

    /** The position of the oldest action still kept (equal to {@link #size()} when none is). */
    public long oldestKept() {
        return total - all.size();
    }

    /** The newest {@code limit} actions, optionally of one subscription, oldest first. */
    public List<RiskActionRecord> query(String subscriptionId, int limit) {
        return query(subscriptionId, limit, r -> true);
    }

    /** As {@link #query(String, int)}, counting only the actions {@code visible} accepts. */
    public List<RiskActionRecord> query(String subscriptionId, int limit,
                                        java.util.function.Predicate<RiskActionRecord> visible) {
        List<RiskActionRecord> out = new ArrayList<>();
        for (Iterator<RiskActionRecord> it = all.descendingIterator(); it.hasNext() && out.size() < limit; ) {
            RiskActionRecord r = it.next();
            if ((subscriptionId == null || subscriptionId.equals(r.subscriptionId())) && visible.test(r)) {
                out.add(r);
            }
        }
        Collections.reverse(out);
        return out;
    }
}
