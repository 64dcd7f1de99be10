package com.copyguard.bench;

import com.copyguard.core.rules.RuleSet;
import com.copyguard.core.rules.RuleSetLoader;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The benchmark suite: {@code mvn -Pbench verify} (add {@code -Dbench.quick} for the small sizes).
 * Prints a table, then as its last line one JSON object with the headline figures.
 */
public final class BenchMain {
    private BenchMain() {
    }

    public static void main(String[] args) throws Exception {
        boolean quick = Boolean.getBoolean("bench.quick");
        GcPauses gcPauses = GcPauses.watch();
        RuleSet rules = RuleSetLoader.loadFolder(Path.of("rules/v1"));
        List<String> rows = new ArrayList<>();
        Map<String, Object> json = new LinkedHashMap<>();
        System.out.printf("copyguard benchmarks (%s) on %d cores, max heap %d MiB, %s, collectors %s, JVM flags %s%n",
                quick ? "quick" : "full", Runtime.getRuntime().availableProcessors(), Runtime.getRuntime().maxMemory() >> 20,
                System.getProperty("java.vm.name") + " " + System.getProperty("java.version"), GcPauses.collectors(),
                java.lang.management.ManagementFactory.getRuntimeMXBean().getInputArguments());

        int[] fanOut = quick ? new int[] {1_000, 10_000} : new int[] {1_000, 10_000, 100_000};
        double bestDecisions = 0;
        for (int n : fanOut) {
            int cycles = n <= 1_000 ? 25 : n <= 10_000 ? 10 : 2;
            GcPauses.phase("fan-out " + n + " followers");
            FanOutBench.Result r = FanOutBench.run(rules, n, n <= 10_000 ? 3 : 1, quick ? Math.max(2, cycles / 3) : cycles);
            rows.add(row("fan-out in process (engine+journal)", n + " followers", r.fills() + " fills",
                    fmt(r.decisionsPerSecond()) + " decisions/s", "p50 " + ms(r.latencyMs().at(50)) + " p99 " + ms(r.latencyMs().at(99))
                            + String.format(Locale.ROOT, "; CPU %.1f ms/fill, %.1f MiB allocated/fill", r.cpuMsPerFill(), r.allocatedMiBPerFill())));
            bestDecisions = Math.max(bestDecisions, r.decisionsPerSecond());
            if (n == 10_000) {
                json.put("p50_ms_10k", round(r.latencyMs().at(50)));
                json.put("p99_ms_10k", round(r.latencyMs().at(99)));
                // process CPU (all threads) and heap allocated per 10,000-follower fill: less inflated by other load than wall time
                json.put("cpu_ms_per_fill_10k", round(r.cpuMsPerFill()));
                json.put("alloc_mib_per_fill_10k", round(r.allocatedMiBPerFill()));
            }
        }
        json.put("decisions_per_s", Math.round(bestDecisions));

        GcPauses.phase("open sizing: rules and plain Java");
        BaselineBench.Result base = BaselineBench.run(rules, 10_000, quick ? 3 : 10);
        rows.add(row("open sizing: rules (Drools)", "10000 followers", "", fmt(base.rulesPerSecond()) + " decisions/s", ""));
        rows.add(row("open sizing: plain-Java baseline", "10000 followers", base.mismatches() + " mismatches",
                fmt(base.baselinePerSecond()) + " decisions/s", "ratio " + String.format(Locale.ROOT, "%.3f", base.ratio())));
        if (base.mismatches() > 0) {
            throw new IllegalStateException("the baseline and the rules disagree on " + base.mismatches() + " decisions");
        }
        json.put("baseline_decisions_per_s", Math.round(base.baselinePerSecond()));
        json.put("rules_decisions_per_s", Math.round(base.rulesPerSecond()));
        json.put("ratio_vs_baseline", round(base.ratio()));

        int tickPositions = quick ? 10_000 : 100_000;
        GcPauses.phase("price tick, v1, journaled");
        TickBench.Result tick = TickBench.run(rules, tickPositions, quick ? 5 : 10);
        rows.add(row("price tick", tick.positions() + " open positions", tick.tickMs().count() + " ticks",
                "p50 " + ms(tick.tickMs().at(50)), "max " + ms(tick.tickMs().at(100))));
        // the full scan of rules/v1 through the writer and the journal, as measured before the risk index
        json.put(quick ? "tick_v1_journaled_ms_10k" : "tick_v1_journaled_ms_100k", round(tick.tickMs().at(50)));

        // the risk index (rules/v3 trigger prices) against the full scan, same engine, same run;
        // quick mode: idle ticks over 100,000 positions and crossing ticks over 10,000
        RuleSet v3 = RuleSetLoader.loadFolder(Path.of("rules/v3"));
        RiskIndexBench.Result idle = RiskIndexBench.run(v3, quick ? 100_000 : 1_000_000, 20, 3, false);
        rows.add(row("idle tick, risk index (v3)", idle.positions() + " open positions", idle.idleIndexMs().count() + " ticks",
                "p50 " + ms(idle.idleIndexMs().at(50)), "max " + ms(idle.idleIndexMs().at(100))));
        rows.add(row("idle tick, full scan (v3)", idle.positions() + " open positions", idle.idleFullMs().count() + " ticks",
                "p50 " + ms(idle.idleFullMs().at(50)), "max " + ms(idle.idleFullMs().at(100))));
        rows.add(row("heap per open subscription (v3, index)", idle.positions() + " positions", "",
                idle.heapBytesPerPosition() + " bytes", "ledger, risk index, logs"));
        json.put("tick_idle_ms_1m", round(idle.idleIndexMs().at(50)));
        json.put("tick_idle_ms_1m_full_scan", round(idle.idleFullMs().at(50)));
        json.put("tick_idle_positions", idle.positions());
        RiskIndexBench.Result crossing = quick ? RiskIndexBench.run(v3, 10_000, 3, 1, true)
                : RiskIndexBench.run(v3, 100_000, 10, 3, true);
        rows.add(row("crossing tick (1 % stopped), risk index", crossing.positions() + " open positions",
                crossing.crossIndexMs().count() + " ticks", "p50 " + ms(crossing.crossIndexMs().at(50)),
                "max " + ms(crossing.crossIndexMs().at(100)) + ", " + crossing.closedPerCrossingTick() + " closed per tick"));
        rows.add(row("crossing tick (1 % stopped), full scan", crossing.positions() + " open positions",
                crossing.crossFullMs().count() + " ticks", "p50 " + ms(crossing.crossFullMs().at(50)),
                "max " + ms(crossing.crossFullMs().at(100))));
        json.put("tick_ms_100k", round(crossing.crossIndexMs().at(50)));
        json.put("tick_ms_100k_full_scan", round(crossing.crossFullMs().at(50)));
        json.put("tick_positions", crossing.positions());

        long bytesPerSub = 0;
        for (int n : quick ? new int[] {100_000} : new int[] {100_000, 1_000_000}) {
            GcPauses.phase("memory " + n + " subscriptions");
            MemoryBench.Result m = MemoryBench.run(rules, n);
            rows.add(row("memory", n + " subscriptions", "", m.bytesPerSubscription() + " bytes/subscription", ""));
            bytesPerSub = Math.max(bytesPerSub, m.bytesPerSubscription());
        }
        json.put("bytes_per_subscription", bytesPerSub);

        GcPauses.phase("HTTP");
        HttpBench.Result http = HttpBench.run(32, quick ? 5_000 : 20_000, quick ? 1_000 : 10_000, quick ? 5 : 20);
        rows.add(row("HTTP price inputs, journal on", http.clients() + " clients", http.inputs() + " inputs",
                fmt(http.inputsPerSecond()) + " inputs/s", ""));
        rows.add(row("HTTP fill fan-out", http.followers() + " followers", http.fillMs().count() + " fills",
                "p50 " + ms(http.fillMs().at(50)), "p99 " + ms(http.fillMs().at(99))));
        json.put("http_inputs_per_s", Math.round(http.inputsPerSecond()));

        GcPauses.phase("platform mix");
        PlatformMixBench.Result mix = quick ? PlatformMixBench.run(rules, 100, 100, 50, 500)
                : PlatformMixBench.run(rules, 1_000, 100, 50, 3_000);
        rows.add(row("platform mix", mix.experts() + " experts, " + mix.subscriptions() + " subs", mix.symbols() + " symbols",
                fmt(mix.inputsPerSecond()) + " inputs/s", fmt(mix.decisionsPerSecond()) + " decisions/s"));
        json.put("platform_inputs_per_s", Math.round(mix.inputsPerSecond()));
        // the same mix with the rule set production runs (rules/ACTIVE: v3, the risk index), beside v1's in the same run
        GcPauses.phase("platform mix, active rules");
        String active = java.nio.file.Files.readString(Path.of("rules/ACTIVE")).trim();
        // v3 is compiled already (risk index runs above): compiling a rule set takes seconds
        RuleSet activeRules = active.equals(v3.version()) ? v3 : RuleSetLoader.loadFolder(Path.of("rules", active));
        PlatformMixBench.Result mixActive = quick ? PlatformMixBench.run(activeRules, 100, 100, 50, 500)
                : PlatformMixBench.run(activeRules, 1_000, 100, 50, 3_000);
        rows.add(row("platform mix, rules/" + active, mixActive.experts() + " experts, " + mixActive.subscriptions() + " subs",
                mixActive.symbols() + " symbols", fmt(mixActive.inputsPerSecond()) + " inputs/s",
                fmt(mixActive.decisionsPerSecond()) + " decisions/s"));
        json.put("platform_inputs_per_s_active_rules", Math.round(mixActive.inputsPerSecond()));

        gcPauses.close();
        rows.add(row("GC pauses", gcPauses.count() + " collections", gcPauses.over50Ms() + " over 50 ms",
                "longest " + gcPauses.maxMs() + " ms", gcPauses.maxWhat() + "; " + gcPauses.totalMs()
                        + " ms in all; System.gc() by the memory probes up to " + gcPauses.maxExplicitMs() + " ms"));
        json.put("gc_pause_max_ms", gcPauses.maxMs());
        json.put("gc_pauses_over_50ms", gcPauses.over50Ms());
        json.put("gc_pause_total_ms", gcPauses.totalMs());
        if (gcPauses.stalls() > 0) {
            rows.add(row("ZGC allocation stalls", gcPauses.stalls() + " stalls", "", "longest "
                    + ms(gcPauses.maxStallMs()), "threads waiting for the concurrent collector"));
        }
        json.put("gc_alloc_stalls", gcPauses.stalls());
        json.put("gc_alloc_stall_max_ms", round(gcPauses.maxStallMs()));
        json.put("gc_pause_max_ms_explicit_gc", gcPauses.maxExplicitMs());

        System.out.println();
        System.out.printf("%-38s %-26s %-14s %-26s %s%n", "workload", "size", "samples", "result", "");
        rows.forEach(System.out::println);
        System.out.println();
        System.out.println("GC pauses and allocation stalls by step (by when each began):");
        gcPauses.byPhase().forEach(System.out::println);
        System.out.println();
        StringBuilder s = new StringBuilder("{");
        json.forEach((k, v) -> s.append(s.length() > 1 ? "," : "").append('"').append(k).append("\":").append(v));
        System.out.println(s.append('}'));
    }

    private static String row(String workload, String size, String samples, String result, String extra) {
        return String.format("%-38s %-26s %-14s %-26s %s", workload, size, samples, result, extra);
    }

    private static String fmt(double v) {
        return String.format(Locale.ROOT, "%,.0f", v);
    }

    private static String ms(double v) {
        return String.format(Locale.ROOT, "%.2f ms", v);
    }

    private static double round(double v) {
        return Math.round(v * 1000) / 1000.0;
    }
}
