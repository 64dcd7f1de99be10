package com.copyguard.bench;

import com.copyguard.core.model.FillStatus;
import com.copyguard.core.model.FollowMode;
import com.copyguard.core.model.Instrument;
import com.copyguard.core.model.MarginMode;
import com.copyguard.core.model.Side;
import com.copyguard.core.model.SubscriptionSettings;
import com.copyguard.core.model.SubscriptionStatus;
import com.copyguard.core.rules.RuleSet;
import com.copyguard.core.rules.RuleSetLoader;
import com.copyguard.core.rules.facts.ExpertOrder;
import com.copyguard.core.rules.facts.FollowerState;
import com.copyguard.core.rules.facts.OpenCopy;
import java.lang.management.ManagementFactory;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The fan-out benchmark alone, for comparing two builds run alternately on a shared machine:
 * {@code java -Xms2g -Xmx16g -XX:+UseZGC -cp ... com.copyguard.bench.FanOutMain [followers] [fills] [baseline]}.
 * Prints one line per measure with the load average before and after.
 */
public final class FanOutMain {
    private FanOutMain() {
    }

    public static void main(String[] args) throws Exception {
        int followers = args.length > 0 ? Integer.parseInt(args[0]) : 10_000;
        int fills = args.length > 1 ? Integer.parseInt(args[1]) : 10;
        boolean baseline = args.length > 2 && args[2].equals("baseline");
        RuleSet rules = RuleSetLoader.loadFolder(Path.of("rules/v1"));
        if (args.length > 2 && args[2].equals("idle")) {
            idleSessions(rules, followers);
            return;
        }
        if (args.length > 2 && args[2].equals("small")) {
            smallBatches(rules);
            return;
        }
        String loadBefore = load();
        FanOutBench.Result r = FanOutBench.run(rules, followers, 3, fills);
        System.out.printf(Locale.ROOT, "fanout followers=%d fills=%d decisions/s=%.0f p50=%.1fms p99=%.1fms cpu=%.1fms/fill"
                        + " alloc=%.1fMiB/fill load=[%s]->[%s]%n", followers, r.fills(), r.decisionsPerSecond(),
                r.latencyMs().at(50), r.latencyMs().at(99), r.cpuMsPerFill(), r.allocatedMiBPerFill(), loadBefore, load());
        System.out.printf(Locale.ROOT, "facts: building %d open-copy facts allocates %.1f MiB%n", followers,
                factAllocationMiB(followers));
        if (baseline) {
            BaselineBench.Result b = BaselineBench.run(rules, followers, 10);
            System.out.printf(Locale.ROOT, "baseline rules/s=%.0f plain/s=%.0f ratio=%.3f mismatches=%d load=[%s]%n",
                    b.rulesPerSecond(), b.baselinePerSecond(), b.ratio(), b.mismatches(), load());
        }
    }

    /**
     * Heap the per-follower facts of one fill take before any rule runs (the fact object, its follower
     * state and the decision half's empty list and map), measured on this thread: what reusing fact
     * objects across fills could save at most.
     */
    private static double factAllocationMiB(int followers) {
        ExpertOrder order = new ExpertOrder("E1", "f1", "BTCUSDT", Side.LONG, true, new BigDecimal("1"), new BigDecimal("100"),
                10, MarginMode.CROSS, FillStatus.FILLED, 1000L, new BigDecimal("1000"), BigDecimal.ZERO, null);
        Instrument btc = new Instrument("BTCUSDT", new BigDecimal("0.001"), new BigDecimal("0.001"), 125, BigDecimal.ZERO,
                new BigDecimal("0.005"), null);
        BigDecimal price = new BigDecimal("100");
        BigDecimal slippage = OpenCopy.slippage(order, price);
        // ids and amounts exist before the fill (the ledger holds them); only the facts are new per fill
        List<String> ids = new ArrayList<>(followers);
        for (int i = 0; i < followers; i++) {
            ids.add("S" + i);
        }
        BigDecimal equity = new BigDecimal("1000000");
        com.sun.management.ThreadMXBean threads = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
        List<OpenCopy> facts = new ArrayList<>(followers);
        long before = threads.getCurrentThreadAllocatedBytes();
        for (int i = 0; i < followers; i++) {
            FollowerState f = new FollowerState(ids.get(i), ids.get(i), FollowMode.MULTIPLIER, SubscriptionStatus.ACTIVE,
                    SubscriptionSettings.DEFAULTS, null, BigDecimal.ONE, 0L, equity, equity, BigDecimal.ZERO, BigDecimal.ZERO, true);
            facts.add(new OpenCopy(order, btc, f, price, slippage));
        }
        long after = threads.getCurrentThreadAllocatedBytes();
        if (facts.size() != followers) {
            throw new IllegalStateException();
        }
        return (after - before) / (1024.0 * 1024.0);
    }

    /**
     * Small batches (the single-fact checks, small fan-outs) through {@code RuleEvaluator.evaluate}
     * with reused sessions and with a new session per batch (the idle sessions released before each
     * evaluation, as every evaluation worked before sessions were pooled), alternating in one JVM.
     */
    private static void smallBatches(RuleSet rules) {
        com.sun.management.ThreadMXBean threads = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
        for (int size : new int[] {1, 10, 100, 1_000}) {
            int iterations = Math.max(100, 20_000 / size);
            for (int round = 0; round < 4; round++) {
                for (boolean fresh : new boolean[] {true, false}) {
                    List<List<OpenCopy>> batches = new ArrayList<>(iterations);
                    for (int i = 0; i < iterations; i++) {
                        batches.add(openCopies(size));
                    }
                    rules.releaseSessions();
                    long allocated = threads.getCurrentThreadAllocatedBytes();
                    long started = System.nanoTime();
                    for (List<OpenCopy> batch : batches) {
                        if (fresh) {
                            rules.releaseSessions();
                        }
                        com.copyguard.core.rules.RuleEvaluator.evaluate(rules, batch);
                    }
                    double us = (System.nanoTime() - started) / 1e3 / iterations;
                    double kib = (threads.getCurrentThreadAllocatedBytes() - allocated) / 1024.0 / iterations;
                    if (round > 0) { // round 0 warms up
                        System.out.printf(Locale.ROOT, "small size=%d %s: %.1f us/batch, %.1f KiB/batch%n", size,
                                fresh ? "fresh " : "reused", us, kib);
                    }
                }
            }
        }
    }

    /** Live heap an evaluated rule set keeps in its idle sessions after a batch of {@code n} facts. */
    private static void idleSessions(RuleSet rules, int n) {
        com.copyguard.core.rules.RuleEvaluator.evaluateIndependent(rules, openCopies(n));
        long kept = MemoryBench.liveBytes();
        int idle = rules.sessionsIdle();
        rules.releaseSessions();
        long released = MemoryBench.liveBytes();
        System.out.printf(Locale.ROOT, "idle: %d sessions after a %d-fact batch hold %.1f KiB of live heap%n", idle, n,
                (kept - released) / 1024.0);
    }

    private static List<OpenCopy> openCopies(int n) {
        ExpertOrder order = new ExpertOrder("E1", "f1", "BTCUSDT", Side.LONG, true, new BigDecimal("1"), new BigDecimal("100"),
                10, MarginMode.CROSS, FillStatus.FILLED, 1000L, new BigDecimal("1000"), BigDecimal.ZERO, null);
        Instrument btc = new Instrument("BTCUSDT", new BigDecimal("0.001"), new BigDecimal("0.001"), 125, BigDecimal.ZERO,
                new BigDecimal("0.005"), null);
        BigDecimal equity = new BigDecimal("1000000");
        List<OpenCopy> facts = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            FollowerState f = new FollowerState("S" + i, "A" + i, FollowMode.MULTIPLIER, SubscriptionStatus.ACTIVE,
                    SubscriptionSettings.DEFAULTS, null, BigDecimal.ONE, 0L, equity, equity, BigDecimal.ZERO, BigDecimal.ZERO, true);
            facts.add(new OpenCopy(order, btc, f, new BigDecimal("100")));
        }
        return facts;
    }

    private static String load() throws java.io.IOException {
        String[] parts = Files.readString(Path.of("/proc/loadavg")).trim().split(" ");
        return parts[0] + " " + parts[1] + " " + parts[2];
    }
}
