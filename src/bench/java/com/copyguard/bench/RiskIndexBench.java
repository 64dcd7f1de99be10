package com.copyguard.bench;

import com.copyguard.core.engine.FanOutSummary;
import com.copyguard.core.engine.PricesResult;

import com.copyguard.core.command.ExpertFill;
import com.copyguard.core.command.Follow;
import com.copyguard.core.command.PriceTick;
import com.copyguard.core.command.PutExpert;
import com.copyguard.core.command.PutInstrument;
import com.copyguard.core.model.FillAction;
import com.copyguard.core.model.FillStatus;
import com.copyguard.core.model.FollowMode;
import com.copyguard.core.model.MarginMode;
import com.copyguard.core.engine.Engine;
import com.copyguard.json.Json;
import com.copyguard.json.ApiJson;
import com.copyguard.json.input.SettingsParser;
import com.copyguard.api.ResultStatus;

import com.copyguard.core.screening.EngineAssembly;
import com.copyguard.core.rules.ActiveRules;
import com.copyguard.core.rules.RuleSet;
import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.List;

/**
 * Price ticks over N open positions on one symbol with rules/v3, whose trigger prices let the engine
 * evaluate only the positions a tick crossed, against the full scan (every holder evaluated on every
 * tick, {@code Engine.sweepRiskEvery(1)}) on the same engine in the same run. In process: the
 * engine applying the tick, without the journal's commit (an fsync, I/O rather than compute).
 *
 * <p>N FIXED_MARGIN followers (each its own pool account, one position) of N / 10,000 experts open
 * one BTCUSDT long each at 60,000, 10x, half isolated and half cross. Every follower has a stop
 * loss; one in ten is in a "stepped" group g = 0..9 (1 % of the followers each) whose stop loss is
 * at ROE -(5 + 5 g) %, i.e. 0.5 % (g + 1) below the entry; the other 90 % stop at ROE -90 %; one in
 * four also has a Net Value Guardian, one in four a take profit.
 * <ul>
 * <li>idle: ticks that move the mark by ±0.02 % around the entry (no trigger reached);</li>
 * <li>crossing: tick g moves the mark 0.5 % (g + 1) + 0.25 % below the entry, past group g's stop
 *     loss only: every position is re-marked and 1 % of them closed. Ticks 0-4 use the index,
 *     ticks 5-9 the full scan (5 % fewer positions are then open, which favours the full scan).</li>
 * </ul>
 */
final class RiskIndexBench {
    record Result(int positions, Percentiles idleIndexMs, Percentiles idleFullMs, Percentiles crossIndexMs,
                  Percentiles crossFullMs, int closedPerCrossingTick, long heapBytesPerPosition) {
    }

    private static final long T0 = BenchEngine.T0;
    private static final BigDecimal ENTRY = new BigDecimal("60000");
    private static final int PER_EXPERT = 10_000;

    private RiskIndexBench() {
    }

    /**
     * {@code crossingTicks} false: idle ticks only. The suite reads crossing ticks from the 100,000
     * run; at 1,000,000 their five full scans took minutes and measured nothing it reports.
     */
    static Result run(RuleSet rules, int followers, int idleTicks, int fullIdleTicks, boolean crossingTicks) {
        String size = String.format(java.util.Locale.ROOT, "%,d", followers);
        GcPauses.phase("risk index " + size + ": follows");
        long heapBefore = MemoryBench.liveBytes();
        Engine engine = EngineAssembly.create(new ActiveRules(rules));
        engine.sweepRiskEvery(Integer.MAX_VALUE);
        long time = T0;
        engine.apply(new PutInstrument("BTCUSDT", d("0.001"), d("0.001"), 125, d("0.0006"), d("0.004"), null));
        int experts = Math.max(1, followers / PER_EXPERT);
        for (int e = 0; e < experts; e++) {
            engine.apply(new PutExpert("x" + e, d("0.1"), null, d("1000000")));
        }
        engine.apply(tick(time, ENTRY));
        for (int i = 0; i < followers; i++) {
            engine.apply(new Follow("f" + i, "x" + (i % experts), FollowMode.FIXED_MARGIN, d("1000"), d("20"), null,
                    false, SettingsParser.patch(settings(i)), time + 1_000, false));
        }
        time += 2_000;
        GcPauses.phase("risk index " + size + ": opening fills");
        for (int e = 0; e < experts; e++) {
            com.copyguard.core.engine.Result r = engine.apply(new ExpertFill("x" + e, "open-" + e, "BTCUSDT", FillAction.OPEN_LONG, d("1"), ENTRY,
                    10, MarginMode.CROSS, FillStatus.FILLED, time, null));
            if (ApiJson.tree(r).path("copied").asInt() != (followers / experts) + (e < followers % experts ? 1 : 0)) {
                throw new IllegalStateException("expert " + e + " was not copied by all its followers: " + ApiJson.tree(r).path("copied"));
            }
        }
        int positions = engine.ledger().holderCount("BTCUSDT");
        long heapPerPosition = (MemoryBench.liveBytes() - heapBefore) / Math.max(1, positions);

        // warm both paths, then measure: idle ticks never close anything
        GcPauses.phase("risk index " + size + ": idle ticks, index");
        for (int i = 0; i < 5; i++) {
            time += 1_000;
            idle(engine, time, i);
        }
        double[] idleIndex = new double[idleTicks];
        for (int i = 0; i < idleTicks; i++) {
            time += 1_000;
            idleIndex[i] = idle(engine, time, i);
        }
        engine.sweepRiskEvery(1);
        GcPauses.phase("risk index " + size + ": idle ticks, full scan");
        double[] idleFull = new double[fullIdleTicks];
        for (int i = 0; i < fullIdleTicks; i++) {
            time += 1_000;
            idleFull[i] = idle(engine, time, i);
        }

        engine.sweepRiskEvery(Integer.MAX_VALUE);
        GcPauses.phase("risk index " + size + ": crossing ticks, index");
        double[] crossIndex = new double[crossingTicks ? 5 : 0];
        double[] crossFull = new double[crossingTicks ? 5 : 0];
        int closed = 0;
        for (int g = 0; g < (crossingTicks ? 10 : 0); g++) {
            if (g == 5) {
                GcPauses.phase("risk index " + size + ": crossing ticks, full scan");
                engine.sweepRiskEvery(1);
            }
            time += 1_000;
            BigDecimal price = ENTRY.multiply(BigDecimal.ONE.subtract(new BigDecimal("0.005").multiply(BigDecimal.valueOf(g + 1)))
                    .subtract(new BigDecimal("0.0025"))).setScale(1, RoundingMode.HALF_EVEN);
            long t0 = System.nanoTime();
            com.copyguard.core.engine.Result r = engine.apply(tick(time, price));
            double ms = (System.nanoTime() - t0) / 1e6;
            // the reply lists the first page of risk actions; its summary counts them all
            FanOutSummary actions = ((PricesResult) r).riskActionSummary();
            int tick = g;
            actions.byReason().forEach((action, reasons) -> {
                if (!reasons.keySet().equals(java.util.Set.of("STOP_LOSS"))) {
                    throw new IllegalStateException("crossing tick " + tick + " did something else: " + action + " " + reasons);
                }
            });
            if (Math.abs(actions.total() - followers / 100) > 1) {
                throw new IllegalStateException("crossing tick " + g + " closed " + actions.total() + " positions, not 1 %");
            }
            closed = (int) actions.total();
            (g < 5 ? crossIndex : crossFull)[g % 5] = ms;
            // between crossing ticks the mark drifts back a little without reaching anything
            time += 1_000;
            engine.apply(tick(time, price.add(BigDecimal.TEN)));
        }
        if (engine.riskIndexMissed() != 0) {
            throw new IllegalStateException("the full scans found positions the index missed: " + engine.riskIndexMissed());
        }
        return new Result(positions, new Percentiles(idleIndex), new Percentiles(idleFull), new Percentiles(crossIndex),
                new Percentiles(crossFull), closed, heapPerPosition);
    }

    /**
     * Standalone: {@code java -Xms8g -Xmx16g -XX:+UseParallelGC -cp <bench classes>:target/classes:<dependencies>
     * com.copyguard.bench.RiskIndexBench 1000000 100000} (idle size, crossing size).
     */
    public static void main(String[] args) throws Exception {
        RuleSet v3 = com.copyguard.core.rules.RuleSetLoader.loadFolder(java.nio.file.Path.of("rules/v3"));
        GcPauses gc = GcPauses.watch();
        int idleSize = args.length > 0 ? Integer.parseInt(args[0]) : 100_000;
        int crossSize = args.length > 1 ? Integer.parseInt(args[1]) : 10_000;
        Result idle = run(v3, idleSize, 20, 3, false);
        System.out.printf("idle tick over %d positions: index p50 %.3f ms (max %.3f), full scan p50 %.1f ms; heap %d bytes per open subscription%n",
                idle.positions(), idle.idleIndexMs().at(50), idle.idleIndexMs().at(100), idle.idleFullMs().at(50),
                idle.heapBytesPerPosition());
        Result cross = run(v3, crossSize, 3, 1, true);
        System.out.printf("crossing tick over %d positions (%d closed): index p50 %.2f ms (max %.2f), full scan p50 %.1f ms (max %.1f)%n",
                cross.positions(), cross.closedPerCrossingTick(), cross.crossIndexMs().at(50), cross.crossIndexMs().at(100),
                cross.crossFullMs().at(50), cross.crossFullMs().at(100));
        gc.close();
        System.out.printf("longest GC pause %d ms (%s); System.gc() up to %d ms; %d allocation stalls, longest %.1f ms%n",
                gc.maxMs(), gc.maxWhat(), gc.maxExplicitMs(), gc.stalls(), gc.maxStallMs());
        gc.byPhase().forEach(System.out::println);
    }

    private static double idle(Engine engine, long time, int i) {
        BigDecimal price = i % 2 == 0 ? new BigDecimal("60012") : new BigDecimal("59988");
        long t0 = System.nanoTime();
        com.copyguard.core.engine.Result r = engine.apply(tick(time, price));
        double ms = (System.nanoTime() - t0) / 1e6;
        if (ResultStatus.of(r) != 200 || !ApiJson.tree(r).path("riskActions").isEmpty()) {
            throw new IllegalStateException("an idle tick acted: " + ApiJson.tree(r).toString().substring(0, 200));
        }
        return ms;
    }

    /** Stop loss for everyone (group g of the stepped 10 %: ROE -(5 + 5 g) %), some guardians and take profits. */
    private static JsonNode settings(int i) {
        var s = Json.object();
        s.putObject("leverage").put("mode", "FIXED").put("value", 10);
        s.put("marginMode", i % 2 == 0 ? "ISOLATED" : "CROSS");
        int group = i % 10 == 0 ? (i / 10) % 10 : -1;
        s.put("stopLossRatio", group >= 0 ? "0." + String.format("%02d", 5 + 5 * group) : "0.9");
        if (i % 4 == 1) {
            s.put("takeProfitRatio", "2");
        }
        if (i % 4 == 3) {
            s.putObject("guardian").put("maxNetLoss", "500");
        }
        return s;
    }

    private static PriceTick tick(long time, BigDecimal price) {
        return new PriceTick(time, List.of(new PriceTick.SymbolPrice("BTCUSDT", price)));
    }

    private static BigDecimal d(String s) {
        return new BigDecimal(s);
    }
}
