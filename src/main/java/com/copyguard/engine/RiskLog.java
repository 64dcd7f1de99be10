package com.copyguard.engine;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/** Every risk action in the order taken. */
public final class RiskLog {
    private final List<RiskActionRecord> all = new ArrayList<>();

    public void add(RiskActionRecord r) {
        all.add(r);
    }

    public int size() {
        return all.size();
    }

    /** The newest {@code limit} actions, optionally of one subscription, oldest first. */
    public List<RiskActionRecord> query(String subscriptionId, int limit) {
        List<RiskActionRecord> out = new ArrayList<>();
        for (int i = all.size() - 1; i >= 0 && out.size() < limit; i--) {
            RiskActionRecord r = all.get(i);
            if (subscriptionId == null || subscriptionId.equals(r.subscriptionId())) {
                out.add(r);
            }
        }
        Collections.reverse(out);
        return out;
    }
}
