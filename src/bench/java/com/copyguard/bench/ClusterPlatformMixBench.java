package com.copyguard.bench;

import com.fasterxml.jackson.databind.JsonNode;

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
import com.copyguard.core.rules.RuleSet;
import com.copyguard.core.rules.RuleSetLoader;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.lang.management.ManagementFactory;
import java.math.BigDecimal;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The platform mix ({@link PlatformMixBench}: experts, their followers, fills and price ticks over
 * many symbols, {@value #IN_FLIGHT} inputs in flight) against the cluster: a real in-process KRaft
 * Kafka, the sequencer and the gateway in this JVM, and 1 then 2 shard workers as separate JVMs
 * from the jar on 16 shards. Beside it, in the same run, the single-node {@link PlatformMixBench}
 * on the same sizes and rule set (rules/v1, as the suite). Measures end-to-end inputs/s and
 * decisions/s, and from the workers' own meters ({@code ShardMetrics}, scraped from
 * {@code --metrics-port}) records applied per shard, batch size, transaction time and lag, plus
 * the workers' CPU time per applied record; a second phase of fills by an expert nobody follows
 * gives the fixed cost of one market-wide record on one shard. Prints a table and a JSON line.
 *
 * <pre>
 * mvn -B -o -q -Pbench package -DskipTests   # the jar, and the bench sources compiled with the tests
 * java -Xmx3g -cp target/test-classes:target/classes:$(test classpath) com.copyguard.bench.ClusterPlatformMixBench [quick]
 * </pre>
 */
public final class ClusterPlatformMixBench {
    static final int IN_FLIGHT = PlatformMixBench.IN_FLIGHT;
    static final int SHARDS = 16;
    private static final long T0 = BenchEngine.T0;
    private static final Path JAR = Path.of("target", "copyguard.jar");
    private static final Pattern METRIC = Pattern.compile("^(copyguard_shard_[a-z_]+)\\{([^}]*)} ([0-9.eE+-]+|NaN)$");
    private static final Pattern SHARD = Pattern.compile("shard=\"(\\d+)\"");
    private static final Pattern LE = Pattern.compile("le=\"([^\"]+)\"");

    /** One phase's figures. */
    record Phase(int inputs, double seconds, long decisions, long records, long batches, double txSeconds,
                 double workerCpuSeconds, double localCpuSeconds, long maxLag, double txP99UpperMs,
                 double minShardRecordsPerS, double maxShardRecordsPerS) {
        double inputsPerSecond() {
            return inputs / seconds;
        }

        double decisionsPerSecond() {
            return decisions / seconds;
        }

        double recordsPerShardPerSecond() {
            return records / (double) SHARDS / seconds;
        }

        double cpuMicrosPerRecord() {
            return workerCpuSeconds * 1e6 / records;
        }

        double batchSize() {
            return batches == 0 ? 0 : records / (double) batches;
        }

        double txMeanMs() {
            return batches == 0 ? 0 : txSeconds * 1000 / batches;
        }
    }

    private ClusterPlatformMixBench() {
    }

    public static void main(String[] args) throws Exception {
        boolean quick = args.length > 0 && args[0].equals("quick");
        int experts = quick ? 100 : 1_000;
        int followersPerExpert = 100;
        int symbols = 50;
        int inputs = quick ? 1_000 : 3_000;
        int fixedInputs = quick ? 400 : 1_000;
        RuleSet rules = RuleSetLoader.loadFolder(Path.of("rules/v1"));
        System.out.printf("cluster platform mix (%s): %d experts x %d followers, %d symbols, %d inputs, %d shards, rules v1, %d cores%n",
                quick ? "quick" : "full", experts, followersPerExpert, symbols, inputs, SHARDS,
                Runtime.getRuntime().availableProcessors());
        System.out.println("load before: " + uptime());

        PlatformMixBench.Result single = PlatformMixBench.run(rules, experts, followersPerExpert, symbols, inputs);
        System.out.printf(Locale.ROOT, "single node: %.0f inputs/s, %.0f decisions/s%n", single.inputsPerSecond(),
                single.decisionsPerSecond());

        Map<Integer, Phase[]> byWorkers = new TreeMap<>();
        try (KafkaTestCluster kafka = KafkaTestCluster.start(1)) {
            for (int workers : new int[] {1, 2}) {
                byWorkers.put(workers, runCluster(kafka, workers, experts, followersPerExpert, symbols, inputs, fixedInputs));
                System.out.println("load after " + workers + " worker(s): " + uptime());
            }
        }
        print(experts, followersPerExpert, symbols, inputs, single, byWorkers);
        System.exit(0); // the Kafka test kit leaves non-daemon threads behind
    }

    private static Phase[] runCluster(KafkaTestCluster kafka, int workers, int experts, int followersPerExpert, int symbols,
                                      int inputs, int fixedInputs) throws Exception {
        try (InProcessCluster cluster = new InProcessCluster(kafka, SHARDS, 0, null, 0)) {
            List<Worker> running = new ArrayList<>();
            try {
                for (int w = 0; w < workers; w++) {
                    running.add(Worker.start(kafka.bootstrapServers(), cluster.topics().prefix(), "bench-w" + w,
                            workers == 1 ? "3g" : "2g"));
                }
                ClusterGateway gateway = cluster.gateway();
                awaitAnswer(gateway, instrument("BTCUSDT", "0.001", 125, "0.004"));
                List<Command> setup = new ArrayList<>();
                setup.add(instrument("ETHUSDT", "0.01", 100, "0.005"));
                for (int i = 0; i < symbols; i++) {
                    setup.add(instrument("S" + i + "USDT", "0.1", 50, "0.01"));
                }
                setup.add(new PutExpert("solo", d("0.1"), null, d("1000000")));
                for (int e = 0; e < experts; e++) {
                    setup.add(new PutExpert("x" + e, d("0.1"), null, d("1000000")));
                }
                send(gateway, setup, 64, true);
                long t = System.nanoTime();
                send(gateway, follows(experts, followersPerExpert), 256, true);
                System.out.printf(Locale.ROOT, "%d worker(s): %d follows in %.1f s%n", workers, experts * followersPerExpert,
                        (System.nanoTime() - t) / 1e9);

                // the fixed cost of a market-wide record on one shard: fills of an expert nobody follows
                Phase fixed = measure(running, gateway, soloFills(fixedInputs));
                Phase mix = measure(running, gateway, mix(experts, symbols, inputs));
                System.out.println(workers + " worker(s): fixed " + fixed + "\n" + workers + " worker(s): mix " + mix);
                return new Phase[] {mix, fixed};
            } finally {
                running.forEach(Worker::close);
            }
        }
    }

    private static Phase measure(List<Worker> workers, ClusterGateway gateway, List<Command> commands) throws Exception {
        Map<String, Double> before = scrapeAll(workers);
        double cpuBefore = workers.stream().mapToDouble(Worker::cpuSeconds).sum();
        double localBefore = localCpuSeconds();
        AtomicLong maxLag = new AtomicLong();
        Thread sampler = new Thread(() -> {
            while (!Thread.currentThread().isInterrupted()) {
                try {
                    long lag = 0;
                    for (Map.Entry<String, Double> e : scrapeAll(workers).entrySet()) {
                        if (e.getKey().startsWith("copyguard_shard_lag_records|")) {
                            lag = Math.max(lag, e.getValue().longValue());
                        }
                    }
                    maxLag.accumulateAndGet(lag, Math::max);
                    Thread.sleep(250);
                } catch (InterruptedException e) {
                    return;
                } catch (Exception e) {
                    // a scrape that failed: the next one counts
                }
            }
        }, "lag-sampler");
        sampler.setDaemon(true);
        sampler.start();
        long t0 = System.nanoTime();
        long decisions = send(gateway, commands, IN_FLIGHT, false);
        double seconds = (System.nanoTime() - t0) / 1e9;
        sampler.interrupt();
        sampler.join();
        double cpu = workers.stream().mapToDouble(Worker::cpuSeconds).sum() - cpuBefore;
        double local = localCpuSeconds() - localBefore;
        Map<String, Double> after = scrapeAll(workers);
        long records = 0;
        long batches = 0;
        double tx = 0;
        double minShard = Double.MAX_VALUE;
        double maxShard = 0;
        Map<Double, Double> buckets = new TreeMap<>();
        for (int p = 0; p < SHARDS; p++) {
            long r = Math.round(delta(before, after, "copyguard_shard_batch_records_sum|" + p));
            records += r;
            batches += Math.round(delta(before, after, "copyguard_shard_batch_records_count|" + p));
            tx += delta(before, after, "copyguard_shard_transaction_seconds_sum|" + p);
            minShard = Math.min(minShard, r / seconds);
            maxShard = Math.max(maxShard, r / seconds);
        }
        for (String k : after.keySet()) {
            if (k.startsWith("copyguard_shard_transaction_seconds_bucket|")) {
                String bound = k.substring(k.lastIndexOf('|') + 1);
                double le = bound.equals("+Inf") ? Double.POSITIVE_INFINITY : Double.parseDouble(bound);
                buckets.merge(le, delta(before, after, k), Double::sum);
            }
        }
        double p99 = Double.POSITIVE_INFINITY;
        for (Map.Entry<Double, Double> b : buckets.entrySet()) {
            if (b.getValue() >= 0.99 * batches) {
                p99 = b.getKey() * 1000;
                break;
            }
        }
        return new Phase(commands.size(), seconds, decisions, records, batches, tx, cpu, local, maxLag.get(), p99,
                minShard, maxShard);
    }

    private static double delta(Map<String, Double> before, Map<String, Double> after, String key) {
        return after.getOrDefault(key, 0.0) - before.getOrDefault(key, 0.0);
    }

    /** Sends every command with up to {@code window} in flight; returns the decisions in fill answers. */
    private static long send(ClusterGateway gateway, List<Command> commands, int window, boolean mustApply) {
        ArrayDeque<CompletableFuture<ClusterGateway.Answer>> inFlight = new ArrayDeque<>();
        long decisions = 0;
        for (Command c : commands) {
            inFlight.addLast(gateway.submit(c, null, null));
            if (inFlight.size() >= window) {
                decisions += settled(inFlight.pollFirst().join(), mustApply);
            }
        }
        while (!inFlight.isEmpty()) {
            decisions += settled(inFlight.pollFirst().join(), mustApply);
        }
        return decisions;
    }

    private static long settled(ClusterGateway.Answer a, boolean mustApply) {
        if (a.status() == 503 || (mustApply && a.refusal() != null)) {
            throw new IllegalStateException("benchmark input not applied: " + a.status() + " " + a.body());
        }
        // a fan-out reply lists its first page; its summary counts every decision
        JsonNode summary = a.body().path("decisionSummary");
        return summary.isMissingNode() ? a.body().path("decisions").size() : summary.path("total").asLong();
    }

    /** Waits until every shard answers (the workers took every shard and recovered it). */
    private static void awaitAnswer(ClusterGateway gateway, Command c) {
        long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(3);
        while (true) {
            ClusterGateway.Answer a = gateway.submit(c, null, null).join();
            if (a.status() != 503) {
                return;
            }
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("the workers did not answer: " + a.body());
            }
        }
    }

    private static List<Command> follows(int experts, int followersPerExpert) {
        List<Command> out = new ArrayList<>();
        for (int e = 0; e < experts; e++) {
            for (int i = 0; i < followersPerExpert; i++) {
                int k = e * followersPerExpert + i;
                FollowMode mode = FollowMode.valueOf(BenchEngine.MODES[k % 3]);
                out.add(new Follow("f" + k, "x" + e, mode, d(String.valueOf(500 + (k % 20) * 250)),
                        mode == FollowMode.FIXED_MARGIN ? d("20") : null, mode == FollowMode.MULTIPLIER ? d("0.02") : null,
                        false, null, T0 + 1_000, false));
            }
        }
        return out;
    }

    /** {@link PlatformMixBench}'s stream: the same seed, a quarter price ticks, the rest opens and closes. */
    private static List<Command> mix(int experts, int symbols, int inputs) {
        SplittableRandom random = new SplittableRandom(42);
        boolean[][] open = new boolean[experts][symbols];
        long time = 10_000;
        List<Command> out = new ArrayList<>(inputs);
        for (int i = 0; i < inputs; i++) {
            time += 50;
            int s = random.nextInt(symbols);
            String symbol = "S" + s + "USDT";
            String price = String.valueOf(100 + random.nextInt(3));
            if (random.nextInt(4) == 0) {
                out.add(new PriceTick(T0 + time, List.of(new PriceTick.SymbolPrice(symbol, d(price)))));
            } else {
                int e = random.nextInt(experts);
                FillAction action = open[e][s] ? FillAction.CLOSE_LONG : FillAction.OPEN_LONG;
                open[e][s] = !open[e][s];
                out.add(fill("x" + e, "m" + i, symbol, action, price, T0 + time));
            }
        }
        return out;
    }

    /** Opens and closes of an expert with no followers: each is one record on every shard and decides nothing. */
    private static List<Command> soloFills(int inputs) {
        List<Command> out = new ArrayList<>(inputs);
        for (int i = 0; i < inputs; i++) {
            out.add(fill("solo", "s" + i, "S0USDT", i % 2 == 0 ? FillAction.OPEN_LONG : FillAction.CLOSE_LONG, "100",
                    T0 + 5_000 + i));
        }
        return out;
    }

    private static ExpertFill fill(String expert, String id, String symbol, FillAction action, String price, long time) {
        return new ExpertFill(expert, id, symbol, action, d("10"), d(price), 20, MarginMode.CROSS, FillStatus.FILLED, time, null);
    }

    private static PutInstrument instrument(String symbol, String step, int maxLeverage, String mmr) {
        return new PutInstrument(symbol, d(step), d(step), maxLeverage, d("0.0006"), d(mmr), null);
    }

    private static BigDecimal d(String s) {
        return new BigDecimal(s);
    }

    private static Map<String, Double> scrapeAll(List<Worker> workers) throws Exception {
        Map<String, Double> out = new TreeMap<>();
        for (Worker w : workers) {
            for (Map.Entry<String, Double> e : w.scrape().entrySet()) {
                // a shard reads 0 lag on a worker that gave it away; its records count on whichever worker applied them
                out.merge(e.getKey(), e.getValue(), e.getKey().startsWith("copyguard_shard_lag_records|") ? Math::max : Double::sum);
            }
        }
        return out;
    }

    private static double localCpuSeconds() {
        return ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean()).getProcessCpuTime() / 1e9;
    }

    private static String uptime() {
        try {
            return Files.readString(Path.of("/proc/loadavg")).trim();
        } catch (Exception e) {
            return "unknown";
        }
    }

    /** A shard worker: {@code java -jar copyguard.jar cluster worker} with its metrics on a port of its own. */
    private static final class Worker implements AutoCloseable {
        private static final HttpClient HTTP = HttpClient.newHttpClient();
        private final Process process;
        private final int metricsPort;

        private Worker(Process process, int metricsPort) {
            this.process = process;
            this.metricsPort = metricsPort;
        }

        static Worker start(String bootstrap, String prefix, String name, String heap) throws Exception {
            int port;
            try (ServerSocket s = new ServerSocket(0)) {
                port = s.getLocalPort();
            }
            List<String> cmd = List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-Xmx" + heap,
                    "-XX:+UseParallelGC", "-Dcopyguard.log.level=WARN", "-jar", JAR.toString(), "cluster", "worker",
                    "--bootstrap-servers", bootstrap, "--topic-prefix", prefix, "--replication", "1",
                    "--rules-version", "v1", "--metrics-port", String.valueOf(port), "--name", name);
            Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
            CompletableFuture<Void> up = new CompletableFuture<>();
            StringBuilder log = new StringBuilder();
            Thread reader = new Thread(() -> {
                try (BufferedReader in = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8))) {
                    String line;
                    while ((line = in.readLine()) != null) {
                        if (log.length() < 20_000) {
                            log.append(line).append('\n');
                        }
                        if (line.startsWith("copyguard cluster running")) {
                            up.complete(null);
                        }
                    }
                } catch (Exception e) {
                    // the process went away
                }
                up.completeExceptionally(new IllegalStateException("worker " + name + " exited:\n" + log));
            }, "bench-worker-output");
            reader.setDaemon(true);
            reader.start();
            up.get(3, TimeUnit.MINUTES);
            return new Worker(p, port);
        }

        double cpuSeconds() {
            return process.info().totalCpuDuration().map(d -> d.toNanos() / 1e9).orElse(Double.NaN);
        }

        /** The worker's shard meters: name|shard (and |le for buckets) to value. */
        Map<String, Double> scrape() throws Exception {
            String text = HTTP.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + metricsPort + "/metrics"))
                    .timeout(Duration.ofSeconds(10)).build(), HttpResponse.BodyHandlers.ofString()).body();
            Map<String, Double> out = new LinkedHashMap<>();
            for (String line : text.split("\n")) {
                Matcher m = METRIC.matcher(line);
                if (!m.matches()) {
                    continue;
                }
                Matcher shard = SHARD.matcher(m.group(2));
                if (!shard.find()) {
                    continue;
                }
                Matcher le = LE.matcher(m.group(2));
                String key = m.group(1) + "|" + shard.group(1) + (le.find() ? "|" + le.group(1) : "");
                out.put(key, Double.parseDouble(m.group(3)));
            }
            return out;
        }

        @Override
        public void close() {
            process.destroy();
            try {
                if (!process.waitFor(30, TimeUnit.SECONDS)) {
                    process.destroyForcibly();
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    private static void print(int experts, int followersPerExpert, int symbols, int inputs, PlatformMixBench.Result single,
                              Map<Integer, Phase[]> byWorkers) {
        System.out.println();
        System.out.printf("%-34s %14s %14s %14s %12s %10s %10s %12s %10s %8s%n", "run", "inputs/s", "decisions/s",
                "rec/shard/s", "shard min-max", "batch", "tx mean", "tx p99 <=", "cpu/rec", "max lag");
        System.out.printf(Locale.ROOT, "%-34s %14.0f %14.0f%n", "single node (writer + SQLite)", single.inputsPerSecond(),
                single.decisionsPerSecond());
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("experts", experts);
        json.put("subscriptions", experts * followersPerExpert);
        json.put("symbols", symbols);
        json.put("inputs", inputs);
        json.put("shards", SHARDS);
        json.put("single_platform_inputs_per_s", Math.round(single.inputsPerSecond()));
        json.put("single_platform_decisions_per_s", Math.round(single.decisionsPerSecond()));
        byWorkers.forEach((workers, phases) -> {
            String[] names = {"platform mix", "fixed cost (unfollowed fills)"};
            String[] keys = {"", "_fixed"};
            for (int i = 0; i < phases.length; i++) {
                Phase p = phases[i];
                System.out.printf(Locale.ROOT, "%-34s %14.0f %14.0f %14.0f %5.0f-%-6.0f %10.1f %8.1f ms %9.0f ms %7.0f us %8d%n",
                        workers + " worker(s): " + names[i], p.inputsPerSecond(), p.decisionsPerSecond(),
                        p.recordsPerShardPerSecond(), p.minShardRecordsPerS(), p.maxShardRecordsPerS(), p.batchSize(),
                        p.txMeanMs(), p.txP99UpperMs(), p.cpuMicrosPerRecord(), p.maxLag());
                String k = keys[i] + "_" + workers + "w";
                json.put("cluster_platform_inputs_per_s" + k, Math.round(p.inputsPerSecond()));
                json.put("cluster_platform_decisions_per_s" + k, Math.round(p.decisionsPerSecond()));
                json.put("cluster_shard_records_per_s" + k, Math.round(p.recordsPerShardPerSecond()));
                json.put("cluster_worker_cpu_us_per_record" + k, Math.round(p.cpuMicrosPerRecord()));
                json.put("cluster_local_cpu_s" + k, Math.round(p.localCpuSeconds() * 10) / 10.0);
                json.put("cluster_batch_records" + k, Math.round(p.batchSize() * 10) / 10.0);
                json.put("cluster_tx_mean_ms" + k, Math.round(p.txMeanMs() * 10) / 10.0);
                json.put("cluster_tx_p99_upper_ms" + k, p.txP99UpperMs());
                json.put("cluster_max_lag_records" + k, p.maxLag());
                json.put("cluster_seconds" + k, Math.round(p.seconds() * 10) / 10.0);
            }
        });
        try {
            System.out.println(com.copyguard.json.Json.MAPPER.writeValueAsString(json));
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
