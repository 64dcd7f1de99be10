package com.copyguard.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.copyguard.app.ServiceConfig;
import com.copyguard.testing.ApiClient;
import com.copyguard.testing.ApiClient.Response;
import com.copyguard.testing.RunningService;
import com.copyguard.testing.Scenario;
import com.copyguard.testing.TestRuleVersions;
import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import org.junit.jupiter.api.Test;

/**
 * A shadow run of a candidate with a tighter cap beside the active version: live decisions stay its own, and the
 * report lists exactly the copies the candidate would have sized differently.
 */
class ShadowRunIT {
    /** The version rules/ACTIVE names: what a fresh data directory starts with. */
    private static final String ACTIVE = com.copyguard.testing.TestRuleVersions.activeVersion();
    private static final String FOLLOW = """
            {"followerId": "%s", "expertId": "alice", "mode": "MULTIPLIER", "multiplier": "%s", "amount": "10000",
             "settings": {"leverage": {"mode": "FIXED", "value": 10}}, "time": 1700000001000}""";

    @Test
    void theReportListsExactlyTheCopiesTheCandidateDecidesDifferently() throws Exception {
        try (RunningService service = RunningService.start(new ServiceConfig("127.0.0.1", 0,
                Files.createTempDirectory("copyguard-shadow"), TestRuleVersions.root(), null, null))) {
            ApiClient api = service.api();
            Scenario s = new Scenario(api).instrument("AUSDT", "0").expert("alice", "100000");
            s.follow(FOLLOW.formatted("bob", "0.1"));                                     // 300 notional per 30
            String carol = s.follow(FOLLOW.formatted("carol", "1")).text("subscriptionId"); // 3,000: over the cap
            s.follow(FOLLOW.formatted("dave", "0.5"));                                    // 1,500: under it

            assertThat(api.get("/rules/shadow").body().get("running").asBoolean()).isFalse();
            Response started = api.post("/rules/shadow", "{\"version\": \"tight-cap\"}");
            assertThat(started.status()).as(started.raw()).isEqualTo(201);
            assertThat(api.get("/rules").text("shadow")).isEqualTo("tight-cap");

            Response f1 = s.fill("alice", "f1", "AUSDT", "OPEN_LONG", "30", "100", 10, 1700000002000L);
            s.fill("alice", "f2", "AUSDT", "OPEN_LONG", "10", "100", 10, 1700000006000L);
            s.fill("alice", "f3", "AUSDT", "CLOSE_LONG", "40", "100", 10, 1700000007000L);

            // Live decisions are v1's: carol copied all 30.
            JsonNode carolLive = api.get("/decisions?fillId=f1&subscriptionId=" + carol).body().path("items").get(0);
            assertThat(carolLive.path("qty").asText()).isEqualTo("30");
            assertThat(carolLive.path("ruleSet").asText()).isEqualTo(ACTIVE);
            assertThat(f1.body().get("copied").asInt()).isEqualTo(3);

            JsonNode report = api.get("/rules/shadow").body();
            assertThat(report.get("running").asBoolean()).isTrue();
            assertThat(report.get("version").asText()).isEqualTo("tight-cap");
            assertThat(report.get("fills").asInt()).isEqualTo(3);
            assertThat(report.get("compared").asInt()).isEqualTo(9);
            assertThat(report.get("differing").asInt()).isEqualTo(1);
            assertThat(report.get("failures").asInt()).isZero();
            assertThat(report.get("byChange").get("COPIED→COPIED(reason)").asInt()).isEqualTo(1);
            assertThat(report.get("examples")).hasSize(1);
            JsonNode example = report.get("examples").get(0);
            assertThat(example.get("fillId").asText()).isEqualTo("f1");
            assertThat(example.get("subscriptionId").asText()).isEqualTo(carol);
            assertThat(example.get("active").toString()).isEqualTo("{\"outcome\":\"COPIED\",\"reason\":null,\"qty\":\"30\"}");
            assertThat(example.get("shadow").toString())
                    .isEqualTo("{\"outcome\":\"COPIED\",\"reason\":\"MAX_POSITION_VALUE\",\"qty\":\"20\"}");

            Response stopped = api.delete("/rules/shadow");
            assertThat(stopped.status()).isEqualTo(200);
            assertThat(stopped.body().get("differing").asInt()).isEqualTo(1);
            assertThat(api.get("/rules/shadow").body().get("running").asBoolean()).isFalse();
            assertThat(api.delete("/rules/shadow").error()).isEqualTo("NO_SHADOW_RUN");
        }
    }

    @Test
    void aTighterSlippageLimitReportsExactlyTheCopiesItWouldHaveRefused() throws Exception {
        try (RunningService service = RunningService.start(new ServiceConfig("127.0.0.1", 0,
                Files.createTempDirectory("copyguard-shadow-slip"), TestRuleVersions.root(), null, null))) {
            ApiClient api = service.api();
            Scenario s = new Scenario(api).instrument("AUSDT", "0").expert("alice", "100000");
            String bob = s.follow(FOLLOW.formatted("bob", "0.1")).text("subscriptionId");
            String carol = s.follow(FOLLOW.formatted("carol", "1")).text("subscriptionId");
            assertThat(api.post("/rules/shadow", "{\"version\": \"tight-slippage\"}").status()).isEqualTo(201);

            // slippage 0.003: within v1's default 0.005, beyond the candidate's 0.002
            s.prices(1700000010000L, "AUSDT", "100.3");
            Response slipped = s.fill("alice", "f1", "AUSDT", "OPEN_LONG", "1", "100", 10, 1700000005000L);
            assertThat(slipped.body().get("copied").asInt()).isEqualTo(2);
            // slippage 0.001: both versions copy
            s.prices(1700000020000L, "AUSDT", "100.1");
            s.fill("alice", "f2", "AUSDT", "OPEN_LONG", "1", "100", 10, 1700000015000L);
            // closes are never refused for slippage, by either
            s.prices(1700000030000L, "AUSDT", "120");
            s.fill("alice", "f3", "AUSDT", "CLOSE_LONG", "2", "100", 10, 1700000025000L);

            JsonNode report = api.get("/rules/shadow").body();
            assertThat(report.get("fills").asInt()).isEqualTo(3);
            assertThat(report.get("compared").asInt()).isEqualTo(6);
            assertThat(report.get("differing").asInt()).isEqualTo(2);
            assertThat(report.get("examples").findValuesAsText("fillId")).containsOnly("f1");
            assertThat(report.get("examples").findValuesAsText("subscriptionId")).containsExactlyInAnyOrder(bob, carol);
            for (JsonNode example : report.get("examples")) {
                assertThat(example.get("active").get("outcome").asText()).isEqualTo("COPIED");
                assertThat(example.get("shadow").get("outcome").asText()).isEqualTo("REJECTED");
                assertThat(example.get("shadow").get("reason").asText()).isEqualTo("SLIPPAGE_EXCEEDED");
            }
        }
    }

    @Test
    void aFailingCandidateIsCountedAndNeverDisturbsTheLiveInput() throws Exception {
        try (RunningService service = RunningService.start(new ServiceConfig("127.0.0.1", 0,
                Files.createTempDirectory("copyguard-shadow-fail"), TestRuleVersions.root(), null, null))) {
            ApiClient api = service.api();
            Scenario s = new Scenario(api).instrument("AUSDT", "0").expert("alice", "100000");
            s.follow(FOLLOW.formatted("bob", "0.1"));
            assertThat(api.post("/rules/shadow", "{\"version\": \"syntax-error\"}").status()).isEqualTo(422);
            assertThat(api.post("/rules/shadow", "{\"version\": \"throwing\"}").status()).isEqualTo(201);

            Response live = s.fill("alice", "f1", "AUSDT", "OPEN_LONG", "30", "100", 10, 1700000002000L);
            assertThat(live.body().get("copied").asInt()).isEqualTo(1);

            JsonNode report = api.get("/rules/shadow").body();
            assertThat(report.get("failures").asInt()).isEqualTo(1);
            assertThat(report.get("compared").asInt()).isZero();
            assertThat(report.get("lastFailure").asText()).startsWith("RULE_FAILED");
        }
    }
}
