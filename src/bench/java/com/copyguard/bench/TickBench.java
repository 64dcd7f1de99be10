package com.copyguard.bench;

import com.copyguard.core.model.FillAction;
import com.copyguard.core.engine.FillResult;
import com.copyguard.core.engine.PricesResult;
import com.copyguard.core.rules.RuleSet;

/** One price tick evaluated over N open follower positions (stops, guardian, liquidation checks). */
final class TickBench {
    record Result(int positions, Percentiles tickMs) {
    }

    private TickBench() {
    }

    static Result run(RuleSet rules, int followers, int ticks) throws Exception {
        try (BenchEngine b = new BenchEngine(rules)) {
            b.leadWithFollowers(followers);
            com.copyguard.core.engine.Result open = b.submit(b.fill("lead", "BTCUSDT", FillAction.OPEN_LONG, "1.0", "60000", 10_000));
            int positions = b.engine.ledger().accounts().stream().mapToInt(a -> a.positions().size()).sum();
            double[] ms = new double[ticks];
            for (int i = 0; i < ticks + 3; i++) {
                // small moves around the entry: every position is checked, none is closed
                String price = (i % 2 == 0) ? "60030" : "59970";
                long t0 = System.nanoTime();
                com.copyguard.core.engine.Result r = b.submit(b.tick(20_000 + i * 1000L, "BTCUSDT", price));
                double elapsed = (System.nanoTime() - t0) / 1e6;
                if (!(r instanceof PricesResult p) || !p.riskActions().isEmpty()) {
                    throw new IllegalStateException("tick did something unexpected: " + r);
                }
                if (i >= 3) {
                    ms[i - 3] = elapsed;
                }
            }
            if (!(open instanceof FillResult opened) || opened.copied() == 0) {
                throw new IllegalStateException("no position was opened");
            }
            return new Result(positions, new Percentiles(ms));
        }
    }
}
