package com.copyguard.bench;

import com.copyguard.core.engine.Engine;
import com.copyguard.core.rules.RuleSet;

/** Retained heap per subscription: the engine's state after N follows, measured after full GCs. */
final class MemoryBench {
    record Result(int subscriptions, long bytesPerSubscription) {
    }

    private MemoryBench() {
    }

    static Result run(RuleSet rules, int subscriptions) {
        long before = usedAfterGc();
        Engine engine = BenchEngine.subscribed(rules, subscriptions, 100);
        long after = usedAfterGc();
        long perSub = (after - before) / subscriptions;
        if (engine.ledger().subscriptions().size() != subscriptions) {
            throw new IllegalStateException("not every follow was applied");
        }
        return new Result(subscriptions, perSub);
    }

    private static long usedAfterGc() {
        Runtime rt = Runtime.getRuntime();
        for (int i = 0; i < 4; i++) {
            System.gc();
            try {
                Thread.sleep(100);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        return rt.totalMemory() - rt.freeMemory();
    }
}
