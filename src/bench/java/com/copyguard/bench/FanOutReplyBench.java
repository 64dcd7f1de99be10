package com.copyguard.bench;

import com.copyguard.core.engine.DecisionRecord;
import com.copyguard.core.engine.DecisionSummary;
import com.copyguard.core.engine.FillResult;
import com.copyguard.core.model.FillAction;
import com.copyguard.core.rules.RuleSet;
import com.copyguard.core.rules.RuleSetLoader;
import com.copyguard.json.ApiJson;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * A fill's reply for N followers: its size and the time to encode it (the edge's JSON, which is also
 * what an idempotent repeat keeps), bounded (summary and first page) against the previous shape that
 * listed every decision, measured on the same fill in the same run. Run alone:
 * {@code java -cp <classes, bench classes, dependencies> com.copyguard.bench.FanOutReplyBench [N...]}.
 */
public final class FanOutReplyBench {
    private static final int REPEATS = 30;

    private FanOutReplyBench() {
    }

    public static void main(String[] args) throws Exception {
        RuleSet rules = RuleSetLoader.loadFolder(Path.of("rules/v1"));
        int[] sizes = args.length == 0 ? new int[] {1_000, 10_000} : java.util.Arrays.stream(args).mapToInt(Integer::parseInt).toArray();
        Map<String, Object> json = new LinkedHashMap<>();
        System.out.printf("%-12s %-10s %14s %14s %16s %16s%n", "followers", "decisions", "bounded bytes", "full bytes",
                "bounded p50 ms", "full p50 ms");
        for (int n : sizes) {
            try (BenchEngine b = new BenchEngine(rules)) {
                b.leadWithFollowers(n);
                FillResult reply = (FillResult) b.submit(b.fill("lead", "BTCUSDT", FillAction.OPEN_LONG, "1", "60000", 10_000));
                // the previous reply: every decision of the fill, as its summaries, and the risk actions
                List<DecisionSummary> all = new ArrayList<>();
                for (DecisionRecord d : b.engine.decisions().query(reply.fillId(), null, Integer.MAX_VALUE)) {
                    all.add(DecisionSummary.of(d));
                }
                Map<String, Object> full = new LinkedHashMap<>();
                full.put("fillId", reply.fillId());
                full.put("copied", reply.copied());
                full.put("rejected", reply.rejected());
                full.put("decisions", all);
                full.put("riskActions", reply.riskActions());
                if (all.size() != reply.decisionSummary().total()) {
                    throw new IllegalStateException("the log holds " + all.size() + " decisions, the summary counts "
                            + reply.decisionSummary().total());
                }
                double[] bounded = new double[REPEATS];
                double[] listed = new double[REPEATS];
                int boundedBytes = 0;
                int fullBytes = 0;
                for (int i = 0; i < REPEATS; i++) {
                    long t0 = System.nanoTime();
                    boundedBytes = ApiJson.bytes(reply).length;
                    long t1 = System.nanoTime();
                    fullBytes = ApiJson.bytes(full).length;
                    long t2 = System.nanoTime();
                    bounded[i] = (t1 - t0) / 1e6;
                    listed[i] = (t2 - t1) / 1e6;
                }
                double b50 = new Percentiles(bounded).at(50);
                double f50 = new Percentiles(listed).at(50);
                System.out.printf(Locale.ROOT, "%-12d %-10d %14d %14d %16.3f %16.3f%n", n, all.size(), boundedBytes,
                        fullBytes, b50, f50);
                json.put("reply_bytes_" + n, boundedBytes);
                json.put("full_reply_bytes_" + n, fullBytes);
                json.put("reply_encode_p50_ms_" + n, Math.round(b50 * 1000) / 1000.0);
                json.put("full_reply_encode_p50_ms_" + n, Math.round(f50 * 1000) / 1000.0);
            }
        }
        System.out.println(new String(ApiJson.bytes(json), java.nio.charset.StandardCharsets.UTF_8));
    }
}
