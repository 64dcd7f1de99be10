package com.copyguard.testing;

import com.copyguard.json.Json;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * A real Prometheus (Debian's {@code prometheus} package, {@code /usr/bin/prometheus}) on a free
 * loopback port with a temporary TSDB, queried through its HTTP API.
 */
public final class PrometheusServer implements AutoCloseable {
    public static final Path BINARY = Path.of("/usr/bin/prometheus");
    public static final Path PROMTOOL = Path.of("/usr/bin/promtool");

    private final Process process;
    private final Path log;
    private final String base;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    private PrometheusServer(Process process, int port, Path log) {
        this.process = process;
        this.log = log;
        this.base = "http://127.0.0.1:" + port;
    }

    public static boolean installed() {
        return Files.isExecutable(BINARY) && Files.isExecutable(PROMTOOL);
    }

    /** Starts Prometheus with {@code config} (its own folder holds the TSDB and log) and waits until it is ready. */
    public static PrometheusServer start(Path config) throws IOException, InterruptedException {
        Path dir = config.getParent();
        int port = freePort();
        Path log = dir.resolve("prometheus.log");
        Process p = new ProcessBuilder(BINARY.toString(),
                "--config.file=" + config,
                "--storage.tsdb.path=" + dir.resolve("tsdb"),
                "--web.listen-address=127.0.0.1:" + port,
                "--storage.tsdb.retention.time=1h",
                "--log.level=warn")
                .redirectErrorStream(true).redirectOutput(log.toFile()).start();
        PrometheusServer server = new PrometheusServer(p, port, log);
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (System.nanoTime() < deadline) {
            if (!p.isAlive()) {
                throw new IllegalStateException("prometheus exited: " + server.logText());
            }
            if (server.status("/-/ready") == 200) {
                return server;
            }
            Thread.sleep(200);
        }
        server.close();
        throw new IllegalStateException("prometheus not ready within 60 s: " + server.logText());
    }

    public static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        }
    }

    /** The {@code data} of an instant query; throws with Prometheus' error when the query is invalid. */
    public JsonNode query(String promql) {
        JsonNode r = get("/api/v1/query?query=" + URLEncoder.encode(promql, StandardCharsets.UTF_8));
        if (!"success".equals(r.path("status").asText())) {
            throw new IllegalArgumentException(r.path("errorType").asText() + ": " + r.path("error").asText()
                    + " in " + promql);
        }
        return r.path("data");
    }

    /** The samples of an instant query (empty when the expression returns no data). */
    public JsonNode result(String promql) {
        return query(promql).path("result");
    }

    public JsonNode rules() {
        return get("/api/v1/rules").path("data");
    }

    public JsonNode alerts() {
        return get("/api/v1/alerts").path("data").path("alerts");
    }

    public JsonNode targets() {
        return get("/api/v1/targets").path("data");
    }

    private JsonNode get(String path) {
        try {
            HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create(base + path))
                    .timeout(Duration.ofSeconds(20)).GET().build(), HttpResponse.BodyHandlers.ofString());
            return Json.MAPPER.readTree(r.body());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private int status(String path) {
        try {
            return http.send(HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofSeconds(5)).GET().build(),
                    HttpResponse.BodyHandlers.discarding()).statusCode();
        } catch (IOException e) {
            return -1;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return -1;
        }
    }

    public String logText() {
        try {
            return Files.exists(log) ? Files.readString(log) : "(no log)";
        } catch (IOException e) {
            return e.toString();
        }
    }

    /** Runs promtool with {@code args}; returns its exit code and output. */
    public static ToolResult promtool(List<String> args) throws IOException, InterruptedException {
        List<String> command = new java.util.ArrayList<>();
        command.add(PROMTOOL.toString());
        command.addAll(args);
        Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!p.waitFor(60, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            throw new IllegalStateException("promtool " + args + " timed out");
        }
        return new ToolResult(p.exitValue(), out);
    }

    public record ToolResult(int exitCode, String output) {
    }

    @Override
    public void close() {
        process.destroy();
        try {
            if (!process.waitFor(10, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            process.destroyForcibly();
        }
    }
}
