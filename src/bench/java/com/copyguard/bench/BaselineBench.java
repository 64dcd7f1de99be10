package com.copyguard.bench;

import com.copyguard.core.model.FillStatus;
import com.copyguard.core.model.MarginMode;
import com.copyguard.core.model.Side;
import com.copyguard.core.engine.BenchFacts;
import com.copyguard.core.ledger.Expert;
import com.copyguard.core.rules.RuleEvaluator;
import com.copyguard.core.rules.RuleSet;
import com.copyguard.core.rules.facts.ExpertOrder;
import com.copyguard.core.rules.facts.OpenCopy;
import java.math.BigDecimal;
import java.util.List;

/**
 * The cost of the rules engine as a ratio: the same open-sizing decisions for the same 10,000
 * followers, made by rules/v1 through Drools and by the hand-written baseline, after checking
 * that both decide identically.
 */
final class BaselineBench {
    record Result(int followers, double rulesPerSecond, double baselinePerSecond, int mismatches) {
        double ratio() {
            return rulesPerSecond / baselinePerSecond;
        }
    }

    private BaselineBench() {
    }

    static Result run(RuleSet rules, int followers, int rounds) throws Exception {
        try (BenchEngine b = new BenchEngine(rules)) {
            b.leadWithFollowers(followers);
            Expert expert = b.engine.ledger().expert("lead");
            ExpertOrder order = new ExpertOrder("lead", "baseline", "BTCUSDT", Side.LONG, true, new BigDecimal("1.0"),
                    new BigDecimal("60000"), 20, MarginMode.CROSS, FillStatus.FILLED, 10_000, new BigDecimal("1000000"),
                    BigDecimal.ZERO, null);
            BigDecimal price = new BigDecimal("60150");
            var instrument = b.engine.ledger().instrument("BTCUSDT");

            List<OpenCopy> check = BenchFacts.openCopies(b.engine.ledger(), expert, order, instrument, price);
            RuleEvaluator.evaluate(rules, check);
            int mismatches = 0;
            for (OpenCopy c : check) {
                if (!PlainJavaSizer.sameAs(c, PlainJavaSizer.decide(c))) {
                    mismatches++;
                }
            }
            long rulesNanos = 0;
            long baselineNanos = 0;
            for (int r = 0; r < rounds + 2; r++) {
                List<OpenCopy> facts = BenchFacts.openCopies(b.engine.ledger(), expert, order, instrument, price);
                long t0 = System.nanoTime();
                RuleEvaluator.evaluate(rules, facts);
                long t1 = System.nanoTime();
                List<OpenCopy> plain = BenchFacts.openCopies(b.engine.ledger(), expert, order, instrument, price);
                long t2 = System.nanoTime();
                for (OpenCopy c : plain) {
                    PlainJavaSizer.decide(c);
                }
                long t3 = System.nanoTime();
                if (r >= 2) {
                    rulesNanos += t1 - t0;
                    baselineNanos += t3 - t2;
                }
            }
            double n = (double) followers * rounds;
            return new Result(followers, n / (rulesNanos / 1e9), n / (baselineNanos / 1e9), mismatches);
        }
    }
}
