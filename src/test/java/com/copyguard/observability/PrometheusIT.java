package com.copyguard.observability;

import static com.copyguard.testing.EventTimes.T0;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.fail;

import com.copyguard.observability.MonitoringFiles.PanelQuery;
import com.copyguard.observability.MonitoringFiles.Rule;
import com.copyguard.testing.ApiClient;
import com.copyguard.testing.PrometheusServer;
import com.copyguard.testing.PrometheusServer.ToolResult;
import com.copyguard.testing.RunningService;
import com.copyguard.testing.Scenario;
import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;
import org.yaml.snakeyaml.Yaml;

/**
 * The dashboards and alerts against a real Prometheus scraping the real service: every panel
 * expression and every rule must be valid PromQL and return data, promtool must accept the files,
 * and the stall alert must fire when fills stop. Skipped when Debian's prometheus package is not
 * installed (.ci/run installs it).
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class PrometheusIT {
    private static final String STALL_ALERT = "CopyguardFillsStalled";
    private static final String FAST_STALL_ALERT = "CopyguardFillsStalledFast";
    /** The fast copy of the stall alert: 3 s without fills instead of 15 min, pending for 1 s instead of 5 min. */
    private static final int FAST_STALL_SECONDS = 3;

    @TempDir
    static Path tmp;
    static RunningService service;
    static PrometheusServer prometheus;
    static Traffic traffic;

    private static final String NOT_INSTALLED = "Prometheus is not installed (/usr/bin/prometheus and /usr/bin/promtool "
            + "missing): the dashboard and alert checks are skipped. `apt-get install -y prometheus` (done by .ci/run) "
            + "enables them.";

    @BeforeAll
    static void startServiceAndPrometheus() throws Exception {
        if (!PrometheusServer.installed()) {
            System.err.println("PrometheusIT: " + NOT_INSTALLED);
            return;
        }
        service = RunningService.start();
        Scenario s = new Scenario(service.api(), com.copyguard.testing.EventTimes.T0);
        s.expert("E1", "10000");
        s.follow("{\"followerId\":\"F1\",\"expertId\":\"E1\",\"mode\":\"SMART_RATIO\",\"amount\":\"5000\",\"time\":" + (T0 + 1000) + "}");
        s.follow("{\"followerId\":\"F2\",\"expertId\":\"E1\",\"mode\":\"FIXED_MARGIN\",\"fixedMargin\":\"20\",\"amount\":\"1000\",\"time\":" + (T0 + 1000) + "}");
        s.follow("{\"followerId\":\"F3\",\"expertId\":\"E1\",\"mode\":\"MULTIPLIER\",\"multiplier\":\"0.5\",\"amount\":\"2000\",\"time\":" + (T0 + 1000) + "}");
        // one real risk action (a stop loss) so that the risk panels show more than their zero series
        s.instrument("RKUSDT", "0").expert("rx", "10000");
        s.multiplierFollow("sl", "rx", "1000", "1", "{\"stopLossRatio\":\"0.5\",\"leverage\":{\"mode\":\"FIXED\",\"value\":10}}");
        s.fill("rx", "r1", "RKUSDT", "OPEN_LONG", "1", "100", 10, 2000);
        assertThat(s.prices(3000, "RKUSDT", "94.9").body().path("riskActions")).hasSize(1);

        Path fastRules = tmp.resolve("stall-fast.yml");
        Files.writeString(fastRules, fastStallRule(Files.readString(MonitoringFiles.ALERTS)));
        // Prometheus scrapes as operators set it up: a metrics-role token in a file only it reads
        Path tokenFile = tmp.resolve("metrics.token");
        try (com.copyguard.api.security.Tokens4Tests tokens = new com.copyguard.api.security.Tokens4Tests(service.dataDir())) {
            Files.writeString(tokenFile, tokens.token("prometheus", com.copyguard.api.security.Role.METRICS, null,
                    Duration.ofHours(2)));
        }
        Path config = tmp.resolve("prometheus.yml");
        Files.writeString(config, """
                global:
                  scrape_interval: 1s
                  evaluation_interval: 1s
                rule_files:
                  - %s
                  - %s
                scrape_configs:
                  - job_name: copyguard
                    scrape_interval: 1s
                    scrape_timeout: 1s
                    authorization:
                      type: Bearer
                      credentials_file: %s
                    static_configs:
                      - targets: ['127.0.0.1:%d']
                """.formatted(MonitoringFiles.ALERTS.toAbsolutePath(), fastRules, tokenFile, service.service().port()));
        ToolResult check = PrometheusServer.promtool(List.of("check", "config", config.toString()));
        assertThat(check.exitCode()).as(check.output()).isZero();

        prometheus = PrometheusServer.start(config);
        traffic = new Traffic(service.api());
        traffic.start();
        awaitData("up{job=\"copyguard\"} == 1", Duration.ofSeconds(30));
        // rates need two scrapes after the traffic began, recording rules one evaluation after that
        awaitData("sum(rate(copyguard_fills_received_total[30s])) > 0", Duration.ofSeconds(30));
        awaitData("copyguard:copy_decisions:rate10m > 0", Duration.ofSeconds(30));
        awaitData("sum(rate(copyguard_journal_commit_duration_seconds_count[30s])) > 0", Duration.ofSeconds(30));
    }

    /** Each test reports the skip and its reason, rather than the class silently running nothing. */
    @BeforeEach
    void requirePrometheus() {
        Assumptions.assumeTrue(PrometheusServer.installed(), NOT_INSTALLED);
    }

    @AfterAll
    static void stop() throws InterruptedException {
        if (traffic != null) {
            traffic.stop();
        }
        if (prometheus != null) {
            prometheus.close();
        }
        if (service != null) {
            service.close();
        }
    }

    @Test
    @Order(1)
    void promtoolAcceptsTheRulesTheirTestsAndTheExampleConfig() throws Exception {
        // the example reads its token from /etc/prometheus; promtool insists the file exists, so check a copy
        // beside alerts.yml that points at a token file made here
        Path example = tmp.resolve("example");
        Files.createDirectories(example);
        Files.copy(MonitoringFiles.ALERTS, example.resolve("alerts.yml"));
        Path token = Files.writeString(example.resolve("metrics.token"), "token");
        Path exampleConfig = Files.writeString(example.resolve("prometheus.yml"), Files.readString(MonitoringFiles.SCRAPE_CONFIG)
                .replace("/etc/prometheus/copyguard-metrics.token", token.toString()));
        assertThat(Files.readString(exampleConfig)).contains("credentials_file: " + token);
        for (List<String> args : List.of(
                List.of("check", "rules", MonitoringFiles.ALERTS.toString()),
                List.of("check", "config", exampleConfig.toString()),
                List.of("test", "rules", MonitoringFiles.ALERT_TESTS.toString()))) {
            ToolResult r = PrometheusServer.promtool(args);
            assertThat(r.exitCode()).as("promtool %s:%n%s", args, r.output()).isZero();
        }
    }

    @Test
    @Order(2)
    void prometheusScrapesTheServiceAndSeesVertxAndJvmMeters() {
        JsonNode targets = prometheus.targets().path("activeTargets");
        assertThat(targets).hasSize(1);
        assertThat(targets.get(0).path("health").asText()).as(targets.toString()).isEqualTo("up");
        for (String metric : List.of("vertx_http_server_requests_total", "vertx_http_server_response_time_seconds_bucket",
                "vertx_pool_in_use", "jvm_memory_used_bytes", "process_cpu_usage", "copyguard_rule_set_info")) {
            assertThat(prometheus.result(metric)).as(metric).isNotEmpty();
        }
    }

    @Test
    @Order(3)
    void everyDashboardExpressionIsValidAndReturnsData() throws Exception {
        JsonNode dashboard = MonitoringFiles.dashboard();
        List<PanelQuery> queries = MonitoringFiles.panelQueries(dashboard);
        assertThat(queries).hasSizeGreaterThan(30);
        Map<String, String> problems = new LinkedHashMap<>();
        for (PanelQuery q : queries) {
            String expr = MonitoringFiles.substituteVariables(q.expr());
            String problem = dataProblem(expr);
            if (problem != null) {
                problems.put(q.panel() + ": " + expr, problem);
            }
        }
        for (JsonNode variable : dashboard.path("templating").path("list")) {
            if (variable.path("type").asText().equals("query")) {
                String promql = MonitoringFiles.variableQueryAsPromql(
                        MonitoringFiles.substituteVariables(variable.path("query").path("query").asText()));
                assertThat(promql).as("variable %s", variable.path("name").asText()).isNotNull();
                String problem = dataProblem(promql);
                if (problem != null) {
                    problems.put("variable " + variable.path("name").asText() + ": " + promql, problem);
                }
            }
        }
        assertThat(problems).as("dashboard expressions that fail or return nothing").isEmpty();
    }

    @Test
    @Order(4)
    void everyAlertRuleIsValidWatchesExistingSeriesAndIsEvaluatedWithoutError() throws Exception {
        List<Rule> rules = MonitoringFiles.rules(Files.readString(MonitoringFiles.ALERTS));
        assertThat(rules).extracting(Rule::name).contains(STALL_ALERT, "CopyguardRejectionRatioSpike",
                "CopyguardDecisionsSlow", "CopyguardJournalCommitFailed", "CopyguardJournalCommitSlow",
                "CopyguardRuleActivationFailed", "CopyguardGuardianStopStorm");
        Map<String, String> problems = new LinkedHashMap<>();
        for (Rule r : rules) {
            if (r.alert()) {
                // valid as written (it may legitimately return nothing: the alert is not firing)
                try {
                    prometheus.query(r.expr());
                } catch (IllegalArgumentException e) {
                    problems.put(r.name(), e.getMessage());
                    continue;
                }
                String signal = MonitoringFiles.signalOf(r.expr());
                assertThat(signal).as("%s has a threshold", r.name()).contains(" bool");
                String problem = dataProblem(signal);
                if (problem != null) {
                    problems.put(r.name() + " signal: " + signal, problem);
                }
            } else {
                String problem = dataProblem(r.expr());
                if (problem == null) {
                    problem = dataProblem(r.name());
                }
                if (problem != null) {
                    problems.put(r.name(), problem);
                }
            }
        }
        assertThat(problems).as("rules that fail or watch nothing").isEmpty();

        // Prometheus itself evaluates every rule of alerts.yml without error
        awaitCondition("every rule evaluated", Duration.ofSeconds(20), () -> {
            List<String> unhealthy = new ArrayList<>();
            int seen = 0;
            for (JsonNode group : prometheus.rules().path("groups")) {
                for (JsonNode rule : group.path("rules")) {
                    seen++;
                    if (!"ok".equals(rule.path("health").asText())) {
                        unhealthy.add(rule.path("name").asText() + "=" + rule.path("health").asText() + " "
                                + rule.path("lastError").asText());
                    }
                }
            }
            return seen == rules.size() + 1 && unhealthy.isEmpty() ? null : "rules seen " + seen + ", unhealthy " + unhealthy;
        });
    }

    @Test
    @Order(5)
    void theStallAlertFiresWhenFillsStopAndClearsWhenTheyResume() throws Exception {
        // fills flow every few hundred milliseconds: the stall alert stays quiet
        Thread.sleep(TimeUnit.SECONDS.toMillis(FAST_STALL_SECONDS + 2));
        assertThat(alertState(FAST_STALL_ALERT)).as("while fills arrive").isNull();

        traffic.stop();
        long stopped = System.nanoTime();
        awaitCondition(FAST_STALL_ALERT + " firing", Duration.ofSeconds(40),
                () -> "firing".equals(alertState(FAST_STALL_ALERT)) ? null : "state " + alertState(FAST_STALL_ALERT));
        assertThat(System.nanoTime() - stopped).as("not before the threshold")
                .isGreaterThanOrEqualTo(TimeUnit.SECONDS.toNanos(FAST_STALL_SECONDS));
        JsonNode firing = alert(FAST_STALL_ALERT);
        assertThat(firing.path("labels").path("severity").asText()).isEqualTo("critical");
        assertThat(firing.path("annotations").path("summary").asText()).contains("No expert fill");
        // the real rule (15 minutes) is pending at most, not firing, after a few seconds
        assertThat(alertState(STALL_ALERT)).isNotEqualTo("firing");

        traffic.sendOneFill();
        awaitCondition(FAST_STALL_ALERT + " resolved", Duration.ofSeconds(30),
                () -> alertState(FAST_STALL_ALERT) == null ? null : "state " + alertState(FAST_STALL_ALERT));
    }

    // --- helpers ---

    /** The stall alert from alerts.yml with seconds instead of minutes, under a name of its own. */
    @SuppressWarnings("unchecked")
    static String fastStallRule(String alertsYaml) {
        Map<String, Object> root = new Yaml().load(alertsYaml);
        for (Map<String, Object> group : (List<Map<String, Object>>) root.get("groups")) {
            for (Map<String, Object> rule : (List<Map<String, Object>>) group.get("rules")) {
                if (STALL_ALERT.equals(rule.get("alert"))) {
                    String expr = (String) rule.get("expr");
                    String fast = expr.replace("> 900", "> " + FAST_STALL_SECONDS);
                    assertThat(fast).as("the stall threshold is 900 s in alerts.yml").isNotEqualTo(expr);
                    Map<String, Object> copy = new LinkedHashMap<>(rule);
                    copy.put("alert", FAST_STALL_ALERT);
                    copy.put("expr", fast);
                    copy.put("for", "1s");
                    return new Yaml().dump(Map.of("groups", List.of(Map.of("name", "copyguard.test.fast-stall",
                            "rules", List.of(copy)))));
                }
            }
        }
        throw new AssertionError(STALL_ALERT + " not found in alerts.yml");
    }

    /** Null when {@code promql} is valid and returns at least one sample; the problem otherwise (retried briefly). */
    private static String dataProblem(String promql) throws InterruptedException {
        String problem = null;
        for (int attempt = 0; attempt < 10; attempt++) {
            try {
                JsonNode result = prometheus.result(promql);
                if (!result.isEmpty()) {
                    return null;
                }
                problem = "no data";
            } catch (IllegalArgumentException e) {
                return e.getMessage();
            }
            Thread.sleep(500);
        }
        return problem;
    }

    private static void awaitData(String promql, Duration timeout) throws InterruptedException {
        awaitCondition(promql, timeout, () -> prometheus.result(promql).isEmpty() ? "no data" : null);
    }

    private static void awaitCondition(String what, Duration timeout, java.util.function.Supplier<String> problem)
            throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        String last = null;
        while (System.nanoTime() < deadline) {
            last = problem.get();
            if (last == null) {
                return;
            }
            Thread.sleep(250);
        }
        fail("timed out waiting for " + what + ": " + last + "\nprometheus log:\n" + prometheus.logText());
    }

    private static JsonNode alert(String name) {
        for (JsonNode a : prometheus.alerts()) {
            if (name.equals(a.path("labels").path("alertname").asText())) {
                return a;
            }
        }
        return null;
    }

    /** "pending", "firing", or null when the alert is not active. */
    private static String alertState(String name) {
        JsonNode a = alert(name);
        return a == null ? null : a.path("state").asText();
    }

    /**
     * What a fill feed does: expert fills every 250 ms (opens and the matching closes), every fifth
     * one a partially filled order (rejected for every follower), every tenth an unknown symbol
     * (refused, 400), and a request for a missing subscription (404) now and then.
     */
    static final class Traffic {
        private final ApiClient api;
        private final AtomicBoolean running = new AtomicBoolean();
        private final AtomicLong seq = new AtomicLong();
        private Thread thread;

        Traffic(ApiClient api) {
            this.api = api;
        }

        void start() {
            running.set(true);
            thread = new Thread(this::run, "test-fill-feed");
            thread.setDaemon(true);
            thread.start();
        }

        void stop() throws InterruptedException {
            running.set(false);
            if (thread != null) {
                thread.join(TimeUnit.SECONDS.toMillis(10));
            }
        }

        private void run() {
            while (running.get()) {
                sendOneFill();
                try {
                    Thread.sleep(250);
                } catch (InterruptedException e) {
                    return;
                }
            }
        }

        void sendOneFill() {
            long n = seq.incrementAndGet();
            long time = 10_000 + n * 5_000; // event time: 5 s apart, beyond the expert frequency limit
            if (n % 10 == 0) {
                fill("f" + n, "NOPEUSDT", "OPEN_LONG", "FILLED", time);
                api.get("/subscriptions/S-missing");
            } else if (n % 5 == 0) {
                fill("f" + n, "BTCUSDT", "OPEN_LONG", "PARTIALLY_FILLED_CANCELED", time);
            } else if (n % 2 == 1) {
                fill("f" + n, "BTCUSDT", "OPEN_LONG", "FILLED", time);
            } else {
                fill("f" + n, "BTCUSDT", "CLOSE_LONG", "FILLED", time);
            }
        }

        private void fill(String id, String symbol, String action, String status, long time) {
            api.post("/experts/E1/fills", "{\"fillId\":\"" + id + "\",\"symbol\":\"" + symbol + "\",\"action\":\"" + action
                    + "\",\"qty\":\"0.1\",\"price\":\"50000\",\"leverage\":10,\"marginMode\":\"CROSS\",\"status\":\""
                    + status + "\",\"time\":" + (T0 + time) + "}");
        }
    }
}
