package com.copyguard.engine;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Every copy decision in the order it was made, indexed by fill and by subscription. */
public final class DecisionLog {
    private final List<DecisionRecord> all = new ArrayList<>();
    private final Map<String, List<DecisionRecord>> byFill = new LinkedHashMap<>();
    private final Map<String, List<DecisionRecord>> bySubscription = new LinkedHashMap<>();

    public void add(DecisionRecord d) {
        all.add(d);
        byFill.computeIfAbsent(d.expertId() + "/" + d.fillId(), k -> new ArrayList<>()).add(d);
        bySubscription.computeIfAbsent(d.subscriptionId(), k -> new ArrayList<>()).add(d);
    }

    /** The newest {@code limit} decisions matching the filters (null = any), oldest first. */
    public List<DecisionRecord> query(String fillId, String subscriptionId, int limit) {
        List<DecisionRecord> source = subscriptionId != null
                ? bySubscription.getOrDefault(subscriptionId, List.of()) : all;
        List<DecisionRecord> out = new ArrayList<>();
        for (int i = source.size() - 1; i >= 0 && out.size() < limit; i--) {
            DecisionRecord d = source.get(i);
            if (fillId == null || fillId.equals(d.fillId())) {
                out.add(d);
            }
        }
        Collections.reverse(out);
        return out;
    }

    public int size() {
        return all.size();
    }
}
