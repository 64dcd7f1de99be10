package com.copyguard.observability;

import static com.copyguard.testing.EventTimes.T0;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import com.copyguard.app.ServiceConfig;
import com.copyguard.json.Json;
import com.copyguard.observability.logging.JsonLineEncoder;
import com.copyguard.testing.ApiClient;
import com.copyguard.testing.ApiClient.Response;
import com.copyguard.testing.RunningService;
import com.copyguard.testing.Scenario;
import com.copyguard.testing.TestRuleVersions;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

/**
 * GET /metrics, the health probes and the structured event log of the real service, driven over
 * HTTP: what each fill, refusal and restart shows on the metrics page and in the logs.
 */
class ObservabilityIT {
    /** The version rules/ACTIVE names: what a fresh data directory starts with. */
    private static final String ACTIVE = com.copyguard.testing.TestRuleVersions.activeVersion();
    private static final Set<String> IDS = Set.of("E1", "F1", "F2", "F3", "S1", "S2", "S3", "A1", "A2", "A3", "o1", "o2");

    private final ListAppender<ILoggingEvent> events = new ListAppender<>();
    private Logger eventLogger;

    @BeforeEach
    void captureEvents() {
        eventLogger = ((LoggerContext) LoggerFactory.getILoggerFactory()).getLogger(EventLog.LOGGER);
        events.start();
        eventLogger.addAppender(events);
    }

    @AfterEach
    void release() {
        eventLogger.detachAppender(events);
    }

    @Test
    void fillsRefusalsAndLedgerTotalsShowOnTheMetricsPageWithoutPerFollowerLabels() throws Exception {
        long before = System.currentTimeMillis();
        try (RunningService service = RunningService.start()) {
            drive(service);

            HttpResponse<String> page = scrape(service);
            assertThat(page.statusCode()).isEqualTo(200);
            assertThat(page.headers().firstValue("content-type").orElse("")).startsWith("text/plain; version=0.0.4");
            MetricsText m = new MetricsText(page.body());

            assertThat(m.value("copyguard_fills_received_total", "status", "FILLED")).isEqualTo(2.0);
            assertThat(m.value("copyguard_fills_received_total", "status", "PARTIALLY_FILLED_CANCELED")).isEqualTo(1.0);
            assertThat(m.value("copyguard_copy_decisions_total", "outcome", "COPIED", "reason", "NONE", "kind", "open"))
                    .isEqualTo(3.0);
            assertThat(m.value("copyguard_copy_decisions_total", "outcome", "REJECTED", "reason",
                    "PARTIAL_FILL_NOT_COPIED", "kind", "open")).isEqualTo(3.0);
            assertThat(m.value("copyguard_fill_decision_duration_seconds_count")).isEqualTo(2.0);
            assertThat(m.value("copyguard_fill_decision_duration_seconds_bucket", "le", "+Inf")).isEqualTo(2.0);
            assertThat(m.value("copyguard_fill_followers_sum")).isEqualTo(6.0);
            assertThat(m.value("copyguard_input_refusals_total", "input", "ExpertFill", "code", "UNKNOWN_INSTRUMENT"))
                    .isEqualTo(1.0);
            assertThat(m.value("copyguard_inputs_total", "input", "Follow", "result", "applied")).isEqualTo(3.0);
            assertThat(m.value("copyguard_rule_firings_total", "rule", "Only FILLED orders are copied")).isEqualTo(3.0);
            assertThat(m.value("copyguard_risk_actions_total", "action", "STOP", "reason", "GUARDIAN_NET_LOSS"))
                    .as("registered at zero so alerts see it before the first stop").isEqualTo(0.0);

            assertThat(m.value("copyguard_subscriptions", "status", "ACTIVE")).isEqualTo(3.0);
            assertThat(m.value("copyguard_subscriptions", "status", "STOPPED")).isEqualTo(0.0);
            assertThat(m.value("copyguard_experts_followed")).isEqualTo(1.0);
            assertThat(m.value("copyguard_accounts")).isEqualTo(3.0);
            assertThat(m.value("copyguard_follower_open_positions")).isEqualTo(3.0);
            assertThat(m.value("copyguard_follower_equity_usdt")).isBetween(7900.0, 8000.0); // 8000 deposited, minus fees
            assertThat(m.value("copyguard_follower_used_margin_usdt")).isGreaterThan(0.0);
            assertThat(m.value("copyguard_profit_share_frozen_usdt")).isEqualTo(0.0);
            assertThat(m.value("copyguard_profit_share_pending_usdt")).isEqualTo(0.0);

            assertThat(m.value("copyguard_rule_set_info", "version", ACTIVE)).isEqualTo(1.0);
            assertThat(m.value("copyguard_rule_activations_total", "result", "success")).isEqualTo(0.0);
            assertThat(m.value("copyguard_rule_activations_total", "result", "failure")).isEqualTo(0.0);
            assertThat(m.value("copyguard_ready")).isEqualTo(1.0);
            assertThat(m.value("copyguard_journal_commit_duration_seconds_count")).isGreaterThanOrEqualTo(1.0);
            assertThat(m.value("copyguard_journal_batch_entries_sum")).as("expert, 3 follows, 2 fills").isEqualTo(6.0);
            assertThat(m.value("copyguard_journal_commit_failures_total")).isEqualTo(0.0);
            assertThat(m.value("copyguard_writer_queue_wait_seconds_count")).as("inputs since ready").isEqualTo(7.0);
            assertThat(m.value("copyguard_last_fill_received_timestamp_seconds"))
                    .isBetween(before / 1000.0, System.currentTimeMillis() / 1000.0);

            assertThat(m.value("vertx_http_server_requests_total", "code", "200", "method", "POST", "route",
                    "/experts/:expertId/fills")).isEqualTo(2.0);
            assertThat(m.value("vertx_http_server_requests_total", "code", "400", "method", "POST", "route",
                    "/experts/:expertId/fills")).isEqualTo(1.0);
            assertThat(m.names()).contains("vertx_http_server_response_time_seconds_bucket", "vertx_pool_in_use",
                    "jvm_memory_used_bytes", "jvm_threads_live_threads", "process_cpu_usage", "process_start_time_seconds");

            assertThat(m.labelValues()).as("no follower, subscription, account, expert or fill id as a label")
                    .doesNotContainAnyElementsOf(IDS);
        }
    }

    @Test
    void eachFillIsLoggedOnceAsAJsonSummaryNotOncePerFollower() throws Exception {
        try (RunningService service = RunningService.start()) {
            drive(service);
        }
        List<JsonNode> logged = json(events.list);
        List<JsonNode> fills = logged.stream().filter(e -> e.path("event").asText().equals("fill_decided")).toList();
        assertThat(fills).hasSize(2);
        JsonNode open = fills.get(0);
        assertThat(open.path("level").asText()).isEqualTo("INFO");
        assertThat(open.path("logger").asText()).isEqualTo(EventLog.LOGGER);
        assertThat(open.path("expertId").asText()).isEqualTo("E1");
        assertThat(open.path("fillId").asText()).isEqualTo("o1");
        assertThat(open.path("symbol").asText()).isEqualTo("BTCUSDT");
        assertThat(open.path("action").asText()).isEqualTo("OPEN_LONG");
        assertThat(open.path("ruleSet").asText()).isEqualTo(ACTIVE);
        assertThat(open.path("followers").asInt()).isEqualTo(3);
        assertThat(open.path("copied").asInt()).isEqualTo(3);
        assertThat(open.path("rejected").asInt()).isZero();
        assertThat(open.path("decisionMicros").isNumber()).isTrue();
        assertThat(open.path("rulesFired").path("Copy accepted").asInt()).isEqualTo(3);

        JsonNode partial = fills.get(1);
        assertThat(partial.path("status").asText()).isEqualTo("PARTIALLY_FILLED_CANCELED");
        assertThat(partial.path("rejected").asInt()).isEqualTo(3);
        assertThat(partial.path("reasons").path("PARTIAL_FILL_NOT_COPIED").asInt()).isEqualTo(3);

        JsonNode refused = logged.stream().filter(e -> e.path("event").asText().equals("input_refused")).findFirst()
                .orElseThrow();
        assertThat(refused.path("code").asText()).isEqualTo("UNKNOWN_INSTRUMENT");
        assertThat(refused.path("input").asText()).isEqualTo("ExpertFill");
        assertThat(refused.path("ref").asText()).isEqualTo("E1/o3");

        assertThat(logged).anySatisfy(e -> {
            assertThat(e.path("event").asText()).isEqualTo("service_ready");
            assertThat(e.path("ruleSet").asText()).isEqualTo(ACTIVE);
        });
    }

    @Test
    void ruleActivationsAndTheirFailuresAreCountedLoggedAndChangeTheInfoMetric() throws Exception {
        Path rules = TestRuleVersions.root();
        ServiceConfig config = new ServiceConfig("127.0.0.1", 0, Files.createTempDirectory("copyguard-it"), rules, null, null);
        try (RunningService service = RunningService.start(config)) {
            MetricsText before = new MetricsText(scrape(service).body());
            assertThat(before.value("copyguard_rule_activations_total", "result", "success"))
                    .as("the startup activation is journal history, not a live activation").isEqualTo(0.0);
            assertThat(before.value("copyguard_rule_set_info", "version", ACTIVE)).isEqualTo(1.0);

            Response ok = service.api().post("/rules/activate", "{\"version\": \"tight-cap\"}");
            assertThat(ok.status()).as(ok.raw()).isEqualTo(200);
            Response broken = service.api().post("/rules/activate", "{\"version\": \"syntax-error\"}");
            assertThat(broken.status()).as(broken.raw()).isEqualTo(422);

            MetricsText after = new MetricsText(scrape(service).body());
            assertThat(after.value("copyguard_rule_activations_total", "result", "success")).isEqualTo(1.0);
            assertThat(after.value("copyguard_rule_activations_total", "result", "failure")).isEqualTo(1.0);
            assertThat(after.value("copyguard_rule_set_info", "version", "tight-cap")).isEqualTo(1.0);
            assertThat(after.value("copyguard_rule_set_info", "version", ACTIVE)).as("only the active version").isNull();
            assertThat(service.api().get("/health/ready").text("ruleSet")).isEqualTo("tight-cap");
        }
        List<JsonNode> activations = json(events.list).stream()
                .filter(e -> e.path("event").asText().equals("rules_activated")).toList();
        assertThat(activations).hasSize(2);
        assertThat(activations.get(0).path("version").asText()).isEqualTo("tight-cap");
        assertThat(activations.get(0).path("previousVersion").asText()).isEqualTo(ACTIVE);
        assertThat(activations.get(0).path("result").asText()).isEqualTo("success");
        assertThat(activations.get(1).path("version").asText()).isEqualTo("syntax-error");
        assertThat(activations.get(1).path("result").asText()).isEqualTo("failure");
        assertThat(activations.get(1).path("level").asText()).isEqualTo("ERROR");
    }

    @Test
    void aRestartReplaysTheJournalWithoutCountingOrLoggingItsFillsAgain() throws Exception {
        Path data = Files.createTempDirectory("copyguard-it");
        try (RunningService first = RunningService.start(data)) {
            drive(first);
        }
        events.list.clear();
        try (RunningService second = RunningService.start(data)) {
            MetricsText m = new MetricsText(scrape(second).body());
            assertThat(m.value("copyguard_fills_received_total", "status", "FILLED")).isEqualTo(0.0);
            assertThat(m.value("copyguard_fill_decision_duration_seconds_count")).isEqualTo(0.0);
            double replayed = m.value("copyguard_recovery_replayed_inputs");
            assertThat(replayed).as("the graceful stop wrote a snapshot at the journal's end: nothing to replay")
                    .isEqualTo(0.0);
            assertThat(m.value("copyguard_recovery_duration_seconds")).isGreaterThan(0.0);
            // the ledger itself is recovered: the gauges show it
            assertThat(m.value("copyguard_subscriptions", "status", "ACTIVE")).isEqualTo(3.0);
            assertThat(m.value("copyguard_follower_open_positions")).isEqualTo(3.0);

            Response ready = second.api().get("/health/ready");
            assertThat(ready.status()).isEqualTo(200);
            assertThat(ready.body().path("recoveredInputs").asDouble()).isEqualTo(replayed);
        }
        assertThat(json(events.list)).noneSatisfy(e -> assertThat(e.path("event").asText()).isEqualTo("fill_decided"));
    }

    @Test
    void riskActionsAndProfitShareFreezesAreCountedAndLogged() throws Exception {
        try (RunningService service = RunningService.start()) {
            ApiClient api = service.api();
            Scenario given = new Scenario(api, com.copyguard.testing.EventTimes.T0);
            // a profit, then a withdrawal that freezes the pending profit share (MoneyIT's numbers)
            given.instrument("MONUSDT", "0").expert("mx", "10000");
            String account = given.follow("{\"followerId\":\"fz\",\"expertId\":\"mx\",\"mode\":\"SMART_RATIO\","
                    + "\"amount\":\"1000\",\"time\":" + (T0 + 1000) + "}").text("accountId");
            given.fill("mx", "t1-o", "MONUSDT", "OPEN_LONG", "10", "100", 10, 2000);
            given.fill("mx", "t1-c", "MONUSDT", "CLOSE_LONG", "10", "200", 10, 3000);
            assertThat(new MetricsText(scrape(service).body()).value("copyguard_profit_share_pending_usdt")).isEqualTo(10.0);
            Response w = api.post("/accounts/" + account + "/withdrawals",
                    "{\"amount\":\"1095\",\"requestId\":\"w1\",\"time\":" + (T0 + 20000) + "}");
            assertThat(w.text("frozenAdded")).isEqualTo("10");
            // a stop loss on one follower, the Net Value Guardian on another (RiskIT's numbers)
            given.instrument("RKUSDT", "0").expert("rx", "10000");
            given.multiplierFollow("sl", "rx", "1000", "1", "{\"stopLossRatio\":\"0.5\",\"leverage\":{\"mode\":\"FIXED\",\"value\":10}}");
            given.multiplierFollow("gd", "rx", "1000", "10", "{\"guardian\":{\"maxNetLoss\":\"100\"},\"leverage\":{\"mode\":\"FIXED\",\"value\":10}}");
            given.fill("rx", "r1", "RKUSDT", "OPEN_LONG", "1", "100", 10, 30_000);
            assertThat(given.prices(40_000, "RKUSDT", "94.9").body().path("riskActions")).hasSize(1);
            assertThat(given.prices(50_000, "RKUSDT", "90").body().path("riskActions")).hasSize(2);

            MetricsText m = new MetricsText(scrape(service).body());
            assertThat(m.value("copyguard_risk_actions_total", "action", "CLOSE", "reason", "STOP_LOSS")).isEqualTo(1.0);
            assertThat(m.value("copyguard_risk_actions_total", "action", "CLOSE", "reason", "GUARDIAN_NET_LOSS")).isEqualTo(1.0);
            assertThat(m.value("copyguard_risk_actions_total", "action", "STOP", "reason", "GUARDIAN_NET_LOSS")).isEqualTo(1.0);
            assertThat(m.value("copyguard_risk_actions_total", "action", "STOP", "reason", "GUARDIAN_NET_VALUE")).isEqualTo(0.0);
            assertThat(m.value("copyguard_profit_share_freezes_total")).isEqualTo(1.0);
            assertThat(m.value("copyguard_profit_share_frozen_usdt")).isEqualTo(10.0);
            assertThat(m.value("copyguard_profit_share_pending_usdt")).isEqualTo(10.0);
            assertThat(m.value("copyguard_subscriptions", "status", "INTERRUPTED")).isEqualTo(1.0);
            assertThat(m.value("copyguard_subscriptions", "status", "STOPPED")).isEqualTo(1.0);
            assertThat(m.value("copyguard_subscriptions", "status", "ACTIVE")).isEqualTo(1.0);
            assertThat(m.value("copyguard_rule_failures_total", "code", "RULE_FAILED")).isEqualTo(0.0);
            assertThat(m.labelValues()).doesNotContain("fz", "sl", "gd", "mx", "rx", account);
        }
        List<JsonNode> logged = json(events.list);
        List<JsonNode> risk = logged.stream().filter(e -> e.path("event").asText().equals("risk_action")).toList();
        assertThat(risk).extracting(e -> e.path("action").asText() + "/" + e.path("reason").asText())
                .containsExactly("CLOSE/STOP_LOSS", "CLOSE/GUARDIAN_NET_LOSS", "STOP/GUARDIAN_NET_LOSS");
        assertThat(risk.get(0).path("level").asText()).isEqualTo("WARN");
        assertThat(risk.get(0).path("subscriptionId").asText()).as("logs may name the subscription").isNotBlank();
        assertThat(risk.get(0).path("symbol").asText()).isEqualTo("RKUSDT");
        assertThat(risk.get(0).path("price").asText()).isEqualTo("94.9");
        assertThat(logged).anySatisfy(e -> {
            assertThat(e.path("event").asText()).isEqualTo("profit_share_frozen");
            assertThat(new java.math.BigDecimal(e.path("amount").asText())).isEqualByComparingTo("10");
        });
    }

    /** Catches a renamed meter even where Prometheus is not installed (PrometheusIT then skips). */
    @Test
    void everyMetricTheDashboardAndAlertsUseIsExported() throws Exception {
        Set<String> used = new java.util.TreeSet<>();
        for (MonitoringFiles.PanelQuery q : MonitoringFiles.panelQueries(MonitoringFiles.dashboard())) {
            used.addAll(MonitoringFiles.metricNames(q.expr()));
        }
        for (MonitoringFiles.Rule r : MonitoringFiles.rules(Files.readString(MonitoringFiles.ALERTS))) {
            used.addAll(MonitoringFiles.metricNames(r.expr()));
        }
        assertThat(used).contains("copyguard_fills_received_total", "vertx_http_server_requests_total", "up");
        used.remove("up"); // Prometheus' own
        try (RunningService service = RunningService.start()) {
            drive(service);
            MetricsText m = new MetricsText(scrape(service).body());
            assertThat(m.names()).containsAll(used);
        }
    }

    @Test
    void probesSayLiveAndReadyAndTheOldHealthEndpointStays() {
        try (RunningService service = RunningService.start()) {
            Response live = service.api().get("/health/live");
            assertThat(live.status()).isEqualTo(200);
            assertThat(live.text("status")).isEqualTo("UP");
            Response ready = service.api().get("/health/ready");
            assertThat(ready.status()).isEqualTo(200);
            assertThat(ready.text("status")).isEqualTo("READY");
            assertThat(ready.text("ruleSet")).isEqualTo(ACTIVE);
            Response health = service.api().get("/health");
            assertThat(health.status()).isEqualTo(200);
            assertThat(health.text("status")).isEqualTo("UP");
        }
    }

    /** Three followers of E1; a copied open, a partially filled order (rejected for all), a fill on an unknown symbol (refused). */
    private static void drive(RunningService service) {
        Scenario s = new Scenario(service.api(), com.copyguard.testing.EventTimes.T0);
        s.expert("E1", "10000");
        s.follow("{\"followerId\":\"F1\",\"expertId\":\"E1\",\"mode\":\"SMART_RATIO\",\"amount\":\"5000\",\"time\":" + (T0 + 1000) + "}");
        s.follow("{\"followerId\":\"F2\",\"expertId\":\"E1\",\"mode\":\"FIXED_MARGIN\",\"fixedMargin\":\"20\",\"amount\":\"1000\",\"time\":" + (T0 + 1000) + "}");
        s.follow("{\"followerId\":\"F3\",\"expertId\":\"E1\",\"mode\":\"MULTIPLIER\",\"multiplier\":\"0.5\",\"amount\":\"2000\",\"time\":" + (T0 + 1000) + "}");
        s.fill("E1", "o1", "BTCUSDT", "OPEN_LONG", "0.1", "50000", 10, 10_000);
        Response partial = service.api().post("/experts/E1/fills", fillJson("o2", "BTCUSDT", "PARTIALLY_FILLED_CANCELED", 20_000));
        assertThat(partial.status()).as(partial.raw()).isEqualTo(200);
        Response refused = service.api().post("/experts/E1/fills", fillJson("o3", "NOPEUSDT", "FILLED", 30_000));
        assertThat(refused.status()).as(refused.raw()).isEqualTo(400);
        assertThat(refused.error()).isEqualTo("UNKNOWN_INSTRUMENT");
    }

    private static String fillJson(String id, String symbol, String status, long time) {
        return "{\"fillId\":\"" + id + "\",\"symbol\":\"" + symbol + "\",\"action\":\"OPEN_LONG\",\"qty\":\"0.1\","
                + "\"price\":\"50000\",\"leverage\":10,\"marginMode\":\"CROSS\",\"status\":\"" + status + "\",\"time\":"
                + (T0 + time) + "}";
    }

    private static HttpResponse<String> scrape(RunningService service) throws IOException, InterruptedException {
        return HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                        URI.create("http://127.0.0.1:" + service.service().port() + "/metrics"))
                        .header("Authorization", "Bearer " + service.api().token()).GET().build(),
                HttpResponse.BodyHandlers.ofString());
    }

    /** The captured events as the production encoder writes them, parsed back: one JSON object per line. */
    private static List<JsonNode> json(List<ILoggingEvent> captured) throws IOException {
        JsonLineEncoder encoder = new JsonLineEncoder();
        List<JsonNode> out = new ArrayList<>();
        for (ILoggingEvent e : List.copyOf(captured)) {
            String line = new String(encoder.encode(e), StandardCharsets.UTF_8);
            assertThat(line).endsWith("\n");
            assertThat(line.substring(0, line.length() - 1)).doesNotContain("\n");
            out.add(Json.MAPPER.readTree(line));
        }
        return out;
    }
}
