package com.copyguard.bench;

import com.copyguard.app.CopyguardService;
import com.copyguard.app.ServiceConfig;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Semaphore;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * End to end over HTTP on loopback, journal on: inputs per second from concurrent clients, and
 * the latency of a fill fanned out to N followers as a client sees it.
 */
final class HttpBench {
    record Result(int clients, int inputs, double inputsPerSecond, int followers, Percentiles fillMs) {
    }

    /** The admin token of the service being measured, sent with every request. */
    private static String token;

    private HttpBench() {
    }

    static Result run(int clients, int inputs, int followers, int fills) throws Exception {
        Path data = Files.createTempDirectory("copyguard-bench-http");
        try (CopyguardService service = new CopyguardService(
                new ServiceConfig("127.0.0.1", 0, data, Path.of("rules"), null, null)).start()) {
            String base = "http://127.0.0.1:" + service.port();
            token = Files.readString(data.resolve("admin.token")).trim();
            HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
            post(http, base + "/experts/lead", "PUT", "{\"equity\":\"1000000\"}");
            // followers through the API too, as a desk would onboard them
            List<String> follows = new ArrayList<>(followers);
            for (int i = 0; i < followers; i++) {
                follows.add("{\"followerId\":\"h" + i + "\",\"expertId\":\"lead\",\"mode\":\"" + BenchEngine.MODES[i % 3]
                        + "\",\"amount\":\"1000\",\"fixedMargin\":\"20\",\"multiplier\":\"0.02\",\"time\":" + (BenchEngine.T0 + 1000) + "}");
            }
            concurrently(http, base + "/subscriptions", follows, clients);

            // throughput: concurrent clients posting deposits and price inputs, each journaled
            List<String> bodies = new ArrayList<>(inputs);
            for (int i = 0; i < inputs; i++) {
                bodies.add("{\"time\":" + (BenchEngine.T0 + 2000 + i) + ",\"prices\":[{\"symbol\":\"ETHUSDT\",\"price\":\"" + (3000 + i % 50) + "\"}]}");
            }
            concurrently(http, base + "/prices", bodies.subList(0, Math.min(2000, bodies.size())), clients);
            long t0 = System.nanoTime();
            concurrently(http, base + "/prices", bodies, clients);
            double seconds = (System.nanoTime() - t0) / 1e9;

            double[] ms = new double[fills];
            long time = 10_000_000;
            for (int i = 0; i < fills + 2; i++) {
                String action = i % 2 == 0 ? "OPEN_LONG" : "CLOSE_LONG";
                String body = "{\"fillId\":\"hf" + i + "\",\"symbol\":\"BTCUSDT\",\"action\":\"" + action
                        + "\",\"qty\":\"1\",\"price\":\"60000\",\"leverage\":20,\"marginMode\":\"CROSS\",\"status\":\"FILLED\",\"time\":"
                        + (BenchEngine.T0 + time + i * 5000L) + "}";
                long f0 = System.nanoTime();
                post(http, base + "/experts/lead/fills", "POST", body);
                if (i >= 2) {
                    ms[i - 2] = (System.nanoTime() - f0) / 1e6;
                }
            }
            return new Result(clients, inputs, inputs / seconds, followers, new Percentiles(ms));
        }
    }

    private static void post(HttpClient http, String url, String method, String body) throws Exception {
        HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create(url)).header("content-type", "application/json")
                .header("Authorization", "Bearer " + token)
                .method(method, HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
        if (r.statusCode() >= 300) {
            throw new IllegalStateException(method + " " + url + " → " + r.statusCode() + " " + r.body());
        }
    }

    private static void concurrently(HttpClient http, String url, List<String> bodies, int clients) throws Exception {
        Semaphore slots = new Semaphore(clients);
        AtomicInteger failures = new AtomicInteger();
        List<CompletableFuture<?>> all = new ArrayList<>(bodies.size());
        for (String body : bodies) {
            slots.acquire();
            all.add(http.sendAsync(HttpRequest.newBuilder(URI.create(url)).header("content-type", "application/json").header("Authorization", "Bearer " + token)
                            .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.discarding())
                    .whenComplete((r, e) -> {
                        if (e != null || r.statusCode() >= 300) {
                            failures.incrementAndGet();
                        }
                        slots.release();
                    }));
        }
        CompletableFuture.allOf(all.toArray(CompletableFuture[]::new)).join();
        if (failures.get() > 0) {
            throw new IllegalStateException(failures.get() + " HTTP inputs failed");
        }
    }
}
