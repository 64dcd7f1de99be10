package com.copyguard.bench;

import com.copyguard.cluster.InProcessCluster;
import com.copyguard.cluster.KafkaTestCluster;
import com.copyguard.cluster.ingress.ClusterGateway;
import com.copyguard.core.command.Command;
import com.copyguard.core.command.ExpertFill;
import com.copyguard.core.command.Follow;
import com.copyguard.core.command.PriceTick;
import com.copyguard.core.command.PutExpert;
import com.copyguard.core.command.PutInstrument;
import com.copyguard.core.model.FillAction;
import com.copyguard.core.model.FillStatus;
import com.copyguard.core.model.FollowMode;
import com.copyguard.core.model.MarginMode;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What the exact token limit costs in the cluster: opening fills of one expert alternate between a
 * symbol with a token limit (held on every shard until every shard's claims arrived: a gather) and
 * one without (applied at once), same followers, same sizes, same run; and the follows before them
 * (each a gather on its follower's shard). Reports the answer time at the ingress (p50, p99) of each
 * kind, as a table and a JSON line.
 * Args: [shards] [workers] [followers] [fills per kind] (defaults 16 1 160 60).
 */
public final class GatherCostBench {
    private GatherCostBench() {
    }

    public static void main(String[] args) throws Exception {
        int shards = args.length > 0 ? Integer.parseInt(args[0]) : 16;
        int workers = args.length > 1 ? Integer.parseInt(args[1]) : 1;
        int followers = args.length > 2 ? Integer.parseInt(args[2]) : 160;
        int fills = args.length > 3 ? Integer.parseInt(args[3]) : 60;
        long t = 1_767_225_600_000L;
        try (KafkaTestCluster kafka = KafkaTestCluster.start(1);
             InProcessCluster cluster = new InProcessCluster(kafka, shards, workers, null, 0)) {
            send(cluster, new PutInstrument("LIMUSDT", d("1"), d("1"), 125, d("0.0006"), d("0.005"), d("1000000000")));
            send(cluster, new PutInstrument("FREEUSDT", d("1"), d("1"), 125, d("0.0006"), d("0.005"), null));
            send(cluster, new PutExpert("x0", d("0.1"), null, d("1000000")));
            send(cluster, new PriceTick(t, List.of(new PriceTick.SymbolPrice("LIMUSDT", d("100")),
                    new PriceTick.SymbolPrice("FREEUSDT", d("100")))));
            List<Double> follows = new ArrayList<>();
            for (int i = 0; i < followers; i++) {
                long started = System.nanoTime();
                send(cluster, new Follow("f" + i, "x0", FollowMode.MULTIPLIER, d("100000"), null, d("0.1"), false, null,
                        t + 1_000 + i, false));
                follows.add((System.nanoTime() - started) / 1e6);
            }
            List<Double> limited = new ArrayList<>();
            List<Double> free = new ArrayList<>();
            long time = t + 100_000;
            for (int i = 0; i < fills; i++) {
                for (String symbol : List.of("LIMUSDT", "FREEUSDT")) {
                    time += 10;
                    long started = System.nanoTime();
                    send(cluster, new ExpertFill("x0", symbol + "-" + i, symbol, FillAction.OPEN_LONG, d("10"), d("100"),
                            10, MarginMode.CROSS, FillStatus.FILLED, time, null));
                    (symbol.equals("LIMUSDT") ? limited : free).add((System.nanoTime() - started) / 1e6);
                }
            }
            Map<String, Percentiles> rows = new LinkedHashMap<>();
            rows.put("opening fill, token limit (gather on every shard)", percentiles(limited));
            rows.put("opening fill, no limit (same run, baseline)", percentiles(free));
            rows.put("follow (gather on its follower's shard)", percentiles(follows));
            System.out.printf("%n%d shards, %d worker(s), %d followers of one expert%n", shards, workers, followers);
            System.out.printf("%-52s %8s %8s %8s%n", "answer time at the ingress (ms)", "count", "p50", "p99");
            rows.forEach((k, p) -> System.out.printf("%-52s %8d %8.1f %8.1f%n", k, p.count(), p.at(50), p.at(99)));
            StringBuilder json = new StringBuilder("{\"bench\":\"gather_cost\",\"shards\":" + shards + ",\"workers\":"
                    + workers + ",\"followers\":" + followers);
            json.append(String.format(",\"token_fill_p50_ms\":%.1f,\"token_fill_p99_ms\":%.1f", rows.get(
                    "opening fill, token limit (gather on every shard)").at(50), rows.get(
                    "opening fill, token limit (gather on every shard)").at(99)));
            json.append(String.format(",\"free_fill_p50_ms\":%.1f,\"free_fill_p99_ms\":%.1f", percentiles(free).at(50),
                    percentiles(free).at(99)));
            json.append(String.format(",\"follow_p50_ms\":%.1f,\"follow_p99_ms\":%.1f}", percentiles(follows).at(50),
                    percentiles(follows).at(99)));
            System.out.println(json);
        }
    }

    private static void send(InProcessCluster cluster, Command c) {
        ClusterGateway.Answer a = cluster.send(c);
        if (a.status() >= 300 || a.status() == 0) {
            throw new IllegalStateException(c + " -> " + a.status() + " " + a.body());
        }
    }

    private static Percentiles percentiles(List<Double> samples) {
        return new Percentiles(samples.stream().mapToDouble(Double::doubleValue).toArray());
    }

    private static BigDecimal d(String s) {
        return new BigDecimal(s);
    }
}
