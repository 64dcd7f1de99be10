package com.copyguard.bench;

import com.copyguard.core.command.Command;
import com.copyguard.core.model.FillAction;
import com.copyguard.core.engine.FillResult;
import com.copyguard.core.rules.RuleSet;
import java.util.SplittableRandom;

/**
 * Many experts and symbols at once: fills and price ticks over a whole platform's subscriptions,
 * fed with up to {@link #IN_FLIGHT} inputs outstanding, as a market-data and fill feed would, so
 * the writer commits them in groups.
 */
final class PlatformMixBench {
    record Result(int experts, int subscriptions, int symbols, int inputs, double inputsPerSecond,
                  double decisionsPerSecond) {
    }

    static final int IN_FLIGHT = 64;

    private PlatformMixBench() {
    }

    private static int settled(com.copyguard.core.engine.Result r) {
        return r instanceof FillResult f ? (int) f.decisionSummary().total() : 0;
    }

    static Result run(RuleSet rules, int experts, int followersPerExpert, int symbols, int inputs) throws Exception {
        try (BenchEngine b = new BenchEngine(rules)) {
            b.instruments(symbols);
            for (int e = 0; e < experts; e++) {
                b.expert("x" + e, "1000000");
                b.followers("x" + e, followersPerExpert, e * followersPerExpert);
            }
            SplittableRandom random = new SplittableRandom(42);
            boolean[][] open = new boolean[experts][symbols];
            long time = 10_000;
            long decisions = 0;
            java.util.ArrayDeque<java.util.concurrent.CompletableFuture<com.copyguard.core.engine.Result>> inFlight = new java.util.ArrayDeque<>();
            long t0 = System.nanoTime();
            for (int i = 0; i < inputs; i++) {
                time += 50;
                Command c;
                int s = random.nextInt(symbols);
                String symbol = "S" + s + "USDT";
                String price = String.valueOf(100 + random.nextInt(3));
                if (random.nextInt(4) == 0) {
                    c = b.tick(time, symbol, price);
                } else {
                    int e = random.nextInt(experts);
                    FillAction action = open[e][s] ? FillAction.CLOSE_LONG : FillAction.OPEN_LONG;
                    open[e][s] = !open[e][s];
                    c = b.fill("x" + e, symbol, action, "10", price, time);
                }
                inFlight.addLast(b.writer.submit(c));
                if (inFlight.size() >= IN_FLIGHT) {
                    decisions += settled(inFlight.pollFirst().join());
                }
            }
            while (!inFlight.isEmpty()) {
                decisions += settled(inFlight.pollFirst().join());
            }
            double seconds = (System.nanoTime() - t0) / 1e9;
            return new Result(experts, experts * followersPerExpert, symbols, inputs, inputs / seconds, decisions / seconds);
        }
    }

    /**
     * Standalone: {@code java -cp <bench classpath> com.copyguard.bench.PlatformMixBench [rules folder]
     * [experts] [followers per expert] [symbols] [inputs]} (defaults: rules/v3 1000 100 50 3000).
     */
    public static void main(String[] args) throws Exception {
        String folder = args.length > 0 ? args[0] : "rules/v3";
        int experts = args.length > 1 ? Integer.parseInt(args[1]) : 1_000;
        int perExpert = args.length > 2 ? Integer.parseInt(args[2]) : 100;
        int symbols = args.length > 3 ? Integer.parseInt(args[3]) : 50;
        int inputs = args.length > 4 ? Integer.parseInt(args[4]) : 3_000;
        Result r = run(com.copyguard.core.rules.RuleSetLoader.loadFolder(java.nio.file.Path.of(folder)), experts, perExpert,
                symbols, inputs);
        System.out.printf(java.util.Locale.ROOT, "platform mix, %s: %d experts, %d subscriptions, %d symbols, %d inputs: %.0f inputs/s, %.0f decisions/s%n",
                folder, r.experts(), r.subscriptions(), r.symbols(), r.inputs(), r.inputsPerSecond(), r.decisionsPerSecond());
    }
}
