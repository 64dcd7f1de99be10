package com.copyguard.bench;

import com.copyguard.core.command.ExpertFill;
import com.copyguard.core.model.FillAction;
import com.copyguard.core.model.FillStatus;
import com.copyguard.core.model.MarginMode;
import com.copyguard.durability.replay.Replayer;
import com.copyguard.durability.snapshot.SnapshotMeta;
import com.copyguard.durability.snapshot.SnapshotStore;
import com.copyguard.durability.snapshot.StateHash;
import com.copyguard.core.engine.Engine;
import com.copyguard.core.rules.ActiveRules;
import com.copyguard.core.rules.RuleSet;
import com.copyguard.core.rules.RuleSetLoader;
import com.copyguard.core.screening.EngineAssembly;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;

/**
 * Snapshot write and read time and size for the state of N subscriptions, each holding one open
 * position: N/10,000 experts with 10,000 followers each, one opening fill per expert. Run as a plain main
 * (see BENCHMARKS.md "Snapshots"): {@code SnapshotBench 100000 1000000}.
 */
public final class SnapshotBench {
    private SnapshotBench() {
    }

    public static void main(String[] args) throws Exception {
        RuleSet rules = RuleSetLoader.loadFolder(Path.of("rules/v1"));
        for (String a : args.length == 0 ? new String[] {"100000"} : args) {
            run(rules, Integer.parseInt(a));
            System.gc();
        }
    }

    private static void run(RuleSet rules, int subscriptions) throws Exception {
        long t0 = System.nanoTime();
        Engine engine = build(rules, subscriptions);
        int positions = engine.ledger().accounts().stream().mapToInt(a -> a.positions().size()).sum();
        System.out.printf("SNAPSHOT built %,d subscriptions (%,d open positions) in %.1f s%n", subscriptions,
                positions, (System.nanoTime() - t0) / 1e9);
        Path dir = Files.createTempDirectory("copyguard-snapshot-bench");
        try {
            SnapshotStore store = new SnapshotStore(dir, 1);
            // CPU time of this (the only working) thread beside the wall time: on a shared machine the
            // wall time mostly measures the other builds
            ThreadMXBean cpu = ManagementFactory.getThreadMXBean();
            long w0 = System.nanoTime();
            long wc0 = cpu.getCurrentThreadCpuTime();
            SnapshotMeta meta = store.write(engine, 1, rules.version(), 0);
            double write = (System.nanoTime() - w0) / 1e9;
            double writeCpu = (cpu.getCurrentThreadCpuTime() - wc0) / 1e9;
            long fileBytes = Files.size(store.list().get(0).path());
            String hash = StateHash.of(engine);
            engine = null;
            System.gc();
            long r0 = System.nanoTime();
            long rc0 = cpu.getCurrentThreadCpuTime();
            Engine fresh = EngineAssembly.create(new ActiveRules(rules));
            store.restore(store.check(store.list().get(0)), fresh);
            double read = (System.nanoTime() - r0) / 1e9;
            double readCpu = (cpu.getCurrentThreadCpuTime() - rc0) / 1e9;
            boolean same = StateHash.of(fresh).equals(hash);
            System.out.printf("SNAPSHOT subscriptions=%d write=%.2f s (cpu %.2f s) read=%.2f s (cpu %.2f s) encoding=%d bytes "
                            + "file=%d bytes (%d bytes/subscription on disk) sameHashAfterRead=%s load=%.1f%n",
                    subscriptions, write, writeCpu, read, readCpu, meta.bodyBytes(), fileBytes, fileBytes / subscriptions,
                    same, ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());
        } finally {
            try (var files = Files.walk(dir)) {
                files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        }
    }

    static Engine build(RuleSet rules, int subscriptions) {
        // few experts with many followers: each fill runs a risk pass over every holder of its symbol
        int followersPerExpert = 10_000;
        Engine engine = BenchEngine.subscribed(rules, subscriptions, followersPerExpert);
        Replayer replayer = Replayer.of(engine);
        int experts = Math.max(1, subscriptions / followersPerExpert);
        for (int e = 0; e < experts; e++) {
            BenchEngine.replay(replayer, new ExpertFill("x" + e, "o" + e, "BTCUSDT", FillAction.OPEN_LONG, d("1"), d("50000"), 20,
                    MarginMode.CROSS, FillStatus.FILLED, BenchEngine.T0 + 2_000, null));
        }
        return engine;
    }

    private static BigDecimal d(String s) {
        return new BigDecimal(s);
    }
}
