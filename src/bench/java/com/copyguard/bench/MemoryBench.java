package com.copyguard.bench;

import com.copyguard.command.Follow;
import com.copyguard.command.PutExpert;
import com.copyguard.command.PutInstrument;
import com.copyguard.domain.FollowMode;
import com.copyguard.engine.Engine;
import com.copyguard.rules.ActiveRules;
import com.copyguard.rules.RuleSet;
import java.math.BigDecimal;

/** Retained heap per subscription: the engine's state after N follows, measured after full GCs. */
final class MemoryBench {
    record Result(int subscriptions, long bytesPerSubscription) {
    }

    private MemoryBench() {
    }

    static Result run(RuleSet rules, int subscriptions) {
        long before = usedAfterGc();
        Engine engine = new Engine(new ActiveRules(rules));
        engine.apply(new PutInstrument("BTCUSDT", d("0.001"), d("0.001"), 125, d("0.0006"), d("0.004"), null));
        int experts = Math.max(1, subscriptions / 100);
        for (int e = 0; e < experts; e++) {
            engine.apply(new PutExpert("x" + e, d("0.1"), null, d("100000")));
        }
        for (int i = 0; i < subscriptions; i++) {
            FollowMode mode = FollowMode.valueOf(BenchEngine.MODES[i % 3]);
            engine.apply(new Follow("f" + i, "x" + (i % experts), mode, d("1000"),
                    mode == FollowMode.FIXED_MARGIN ? d("20") : null, mode == FollowMode.MULTIPLIER ? d("0.02") : null,
                    false, null, BenchEngine.T0 + 1_000, false));
        }
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

    private static BigDecimal d(String s) {
        return new BigDecimal(s);
    }
}
