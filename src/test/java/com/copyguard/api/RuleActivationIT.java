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
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/**
 * Hot activation over HTTP: a good version decides from the next input on, durably (journaled with
 * its text, so a restart and an edited folder change nothing); broken versions are refused with
 * their compiler messages while the old version keeps serving.
 */
class RuleActivationIT {
    /** The version rules/ACTIVE names: what a fresh data directory starts with. */
    private static final String ACTIVE = com.copyguard.testing.TestRuleVersions.activeVersion();
    private static final String FOLLOW = """
            {"followerId": "%s", "expertId": "alice", "mode": "MULTIPLIER", "multiplier": "%s", "amount": "10000",
             "settings": {"leverage": {"mode": "FIXED", "value": 10}}, "time": 1700000001000}""";

    private static ServiceConfig config(Path rules, Path data) {
        return new ServiceConfig("127.0.0.1", 0, data, rules, null, null);
    }

    private static JsonNode decision(ApiClient api, String fillId) {
        Response r = api.get("/decisions?fillId=" + fillId);
        assertThat(r.status()).isEqualTo(200);
        assertThat(r.body().path("items")).hasSize(1);
        return r.body().path("items").get(0);
    }

    private static Response activate(ApiClient api, String version) {
        return api.post("/rules/activate", "{\"version\": \"" + version + "\"}");
    }

    @Test
    void aGoodVersionDecidesFromTheNextInputOnAndStaysActiveAcrossARestart() throws Exception {
        Path rules = TestRuleVersions.root();
        Path data = Files.createTempDirectory("copyguard-activation");
        try (RunningService service = RunningService.start(config(rules, data))) {
            ApiClient api = service.api();
            Response list = api.get("/rules");
            assertThat(list.text("active")).isEqualTo(ACTIVE);
            assertThat(list.body().get("versions").findValuesAsText("version"))
                    .contains(ACTIVE, "tight-cap", "runaway", "throwing", "syntax-error", "type-error");

            Scenario s = new Scenario(api).instrument("AUSDT", "0").expert("alice", "100000");
            s.follow(FOLLOW.formatted("carol", "1"));
            s.fill("alice", "f1", "AUSDT", "OPEN_LONG", "30", "100", 10, 1700000002000L);
            assertThat(decision(api, "f1").path("qty").asText()).isEqualTo("30");
            assertThat(decision(api, "f1").path("ruleSet").asText()).isEqualTo(ACTIVE);

            Response activated = activate(api, "tight-cap");
            assertThat(activated.status()).as(activated.raw()).isEqualTo(200);
            assertThat(activated.text("active")).isEqualTo("tight-cap");
            assertThat(activated.text("previous")).isEqualTo(ACTIVE);
            assertThat(api.get("/health").text("ruleSet")).isEqualTo("tight-cap");

            s.fill("alice", "f2", "AUSDT", "OPEN_LONG", "30", "100", 10, 1700000006000L);
            JsonNode f2 = decision(api, "f2");
            assertThat(f2.path("ruleSet").asText()).isEqualTo("tight-cap");
            assertThat(f2.path("qty").asText()).isEqualTo("20");
            assertThat(f2.path("reason").asText()).isEqualTo("MAX_POSITION_VALUE");
            assertThat(decision(api, "f1").path("ruleSet").asText()).as("earlier decisions keep their version").isEqualTo(ACTIVE);
        }

        // Edit the activated folder on disk: the journal holds the text that ran, so a restart keeps it.
        Path capFile = rules.resolve("tight-cap/tight-cap.drl");
        Files.writeString(capFile, Files.readString(capFile).replace("> 2000", "> 1000").replace("\"2000\"", "\"1000\""));
        try (RunningService service = RunningService.start(config(rules, data))) {
            ApiClient api = service.api();
            assertThat(api.get("/health").text("ruleSet")).isEqualTo("tight-cap");
            assertThat(decision(api, "f2").path("qty").asText()).as("replayed, same decision").isEqualTo("20");
            Scenario s = new Scenario(api);
            s.fill("alice", "f3", "AUSDT", "OPEN_LONG", "30", "100", 10, 1700000010000L);
            assertThat(decision(api, "f3").path("qty").asText()).as("still the activated text").isEqualTo("20");

            assertThat(activate(api, "tight-cap").status()).isEqualTo(200);
            s.fill("alice", "f4", "AUSDT", "OPEN_LONG", "30", "100", 10, 1700000015000L);
            assertThat(decision(api, "f4").path("qty").asText()).as("re-activation picks up the edit").isEqualTo("10");

            assertThat(activate(api, ACTIVE).status()).isEqualTo(200);
            s.fill("alice", "f5", "AUSDT", "OPEN_LONG", "30", "100", 10, 1700000020000L);
            assertThat(decision(api, "f5").path("qty").asText()).isEqualTo("30");
            assertThat(decision(api, "f5").path("ruleSet").asText()).isEqualTo(ACTIVE);
        }
    }

    @Test
    void brokenVersionsAreRefusedWithTheirMessagesAndTheOldVersionKeepsServing() throws Exception {
        Path rules = TestRuleVersions.root();
        try (RunningService service = RunningService.start(config(rules, Files.createTempDirectory("copyguard-broken")))) {
            ApiClient api = service.api();
            Response syntax = activate(api, "syntax-error");
            assertThat(syntax.status()).isEqualTo(422);
            assertThat(syntax.error()).isEqualTo("RULES_INVALID");
            assertThat(syntax.body().get("messages").get(0).asText()).startsWith("broken.drl:7:").contains("no viable alternative");
            assertThat(api.get("/health").text("ruleSet")).isEqualTo(ACTIVE);

            Response type = activate(api, "type-error");
            assertThat(type.status()).isEqualTo(422);
            assertThat(type.body().get("messages").get(0).asText())
                    .startsWith("wrong-type.drl:10 (rule \"Sets a text where a decimal belongs\")")
                    .contains("setTarget(BigDecimal)");
            assertThat(api.get("/health").text("ruleSet")).isEqualTo(ACTIVE);
            assertThat(api.get("/rules").text("active")).isEqualTo(ACTIVE);

            Scenario s = new Scenario(api).instrument("AUSDT", "0").expert("alice", "100000");
            s.follow(FOLLOW.formatted("carol", "1"));
            Response fill = s.fill("alice", "f1", "AUSDT", "OPEN_LONG", "30", "100", 10, 1700000002000L);
            assertThat(fill.body().get("copied").asInt()).isEqualTo(1);

            assertThat(activate(api, "no-such-version").status()).isEqualTo(404);
            assertThat(activate(api, "../v1").error()).isEqualTo("INVALID_FIELD");
        }
    }

    @Test
    void validateCompilesAVersionOrPostedTextAndChangesNothing() throws Exception {
        Path rules = TestRuleVersions.root();
        try (RunningService service = RunningService.start(config(rules, Files.createTempDirectory("copyguard-validate")))) {
            ApiClient api = service.api();
            Response good = api.post("/rules/validate", "{\"version\": \"tight-cap\"}");
            assertThat(good.status()).isEqualTo(200);
            assertThat(good.body().get("valid").asBoolean()).isTrue();
            assertThat(good.body().get("rules").asInt()).isGreaterThan(20);

            Response bad = api.post("/rules/validate", "{\"version\": \"type-error\"}");
            assertThat(bad.body().get("valid").asBoolean()).isFalse();
            assertThat(bad.body().get("messages").get(0).asText()).contains("wrong-type.drl:10");

            String drl = """
                    package copyguard;
                    import com.copyguard.core.rules.facts.OpenCopy;
                    rule "Accept everything"
                    when $c : OpenCopy( undecided )
                    then modify($c) { accept() }
                    end
                    """;
            Response posted = api.post("/rules/validate", com.copyguard.json.Json.MAPPER.writeValueAsString(
                    java.util.Map.of("drl", drl)));
            assertThat(posted.body().get("valid").asBoolean()).as(posted.raw()).isTrue();
            assertThat(posted.body().get("rules").asInt()).isEqualTo(1);

            Response postedBad = api.post("/rules/validate", com.copyguard.json.Json.MAPPER.writeValueAsString(
                    java.util.Map.of("files", java.util.Map.of("mine.drl", drl.replace("accept()", "accept(1)")))));
            assertThat(postedBad.body().get("valid").asBoolean()).isFalse();
            assertThat(postedBad.body().get("messages").get(0).asText()).startsWith("mine.drl:5");

            assertThat(api.get("/health").text("ruleSet")).isEqualTo(ACTIVE);
        }
    }
}
