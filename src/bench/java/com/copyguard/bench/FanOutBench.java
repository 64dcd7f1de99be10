package com.copyguard.bench;

import com.copyguard.core.command.ExpertFill;
import com.copyguard.core.model.FillAction;
import com.copyguard.core.engine.FillResult;
import com.copyguard.core.rules.RuleSet;
import java.lang.management.ManagementFactory;
import java.util.ArrayList;
import java.util.List;

/**
 * One expert, N followers: cycles of open, add, partial close and full close, each fill decided
 * for every follower and journaled before it counts as done (engine + journal, in process).
 */
final class FanOutBench {
    /**
     * {@code cpuSeconds}: CPU time of the whole process (every thread: writer, rule partitions,
     * collector, journal) over the measured fills, which the other sessions on the machine inflate
     * less than wall time; {@code allocatedBytes}: heap allocated by live threads over those fills.
     */
    record Result(int followers, int fills, long decisions, double seconds, Percentiles latencyMs, double cpuSeconds,
                  long allocatedBytes) {
        double decisionsPerSecond() {
            return decisions / seconds;
        }

        double cpuMsPerFill() {
            return cpuSeconds * 1000 / fills;
        }

        double allocatedMiBPerFill() {
            return allocatedBytes / (1024.0 * 1024.0) / fills;
        }
    }

    private FanOutBench() {
    }

    static Result run(RuleSet rules, int followers, int warmupCycles, int cycles) throws Exception {
        try (BenchEngine b = new BenchEngine(rules)) {
            b.leadWithFollowers(followers);
            long time = 10_000;
            for (int i = 0; i < warmupCycles; i++) {
                time = cycle(b, time, null);
            }
            List<double[]> samples = new ArrayList<>();
            long[] decisions = {0};
            long cpuBefore = processCpuNanos();
            long allocatedBefore = allocatedBytes();
            long started = System.nanoTime();
            for (int i = 0; i < cycles; i++) {
                time = cycle(b, time, (ms, n) -> {
                    samples.add(new double[] {ms});
                    decisions[0] += n;
                });
            }
            double seconds = (System.nanoTime() - started) / 1e9;
            double cpuSeconds = (processCpuNanos() - cpuBefore) / 1e9;
            long allocated = allocatedBytes() - allocatedBefore;
            double[] ms = samples.stream().mapToDouble(a -> a[0]).toArray();
            return new Result(followers, ms.length, decisions[0], seconds, new Percentiles(ms), cpuSeconds, allocated);
        }
    }

    private static long processCpuNanos() {
        return ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean()).getProcessCpuTime();
    }

    /** Bytes allocated so far by the threads alive now (the writer and rule threads live through the run). */
    private static long allocatedBytes() {
        com.sun.management.ThreadMXBean threads = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
        long sum = 0;
        for (long b : threads.getThreadAllocatedBytes(threads.getAllThreadIds())) {
            sum += Math.max(0, b);
        }
        return sum;
    }

    interface Sink {
        void accept(double ms, int decisions);
    }

    /** open 1.0, open 0.5 (5 s later), close 0.6 (a partial close), close the rest. */
    private static long cycle(BenchEngine b, long time, Sink sink) {
        ExpertFill[] fills = {
                b.fill("lead", "BTCUSDT", FillAction.OPEN_LONG, "1.0", "60000", time),
                b.fill("lead", "BTCUSDT", FillAction.OPEN_LONG, "0.5", "60100", time + 5_000),
                b.fill("lead", "BTCUSDT", FillAction.CLOSE_LONG, "0.6", "60200", time + 10_000),
                b.fill("lead", "BTCUSDT", FillAction.CLOSE_LONG, "0.9", "60150", time + 15_000),
        };
        for (ExpertFill f : fills) {
            long t0 = System.nanoTime();
            com.copyguard.core.engine.Result answer = b.submit(f);
            double ms = (System.nanoTime() - t0) / 1e6;
            if (!(answer instanceof FillResult r)) {
                throw new IllegalStateException("fill not copied: " + answer);
            }
            if (sink != null) {
                sink.accept(ms, (int) r.decisionSummary().total());
            }
        }
        return time + 20_000;
    }
}
