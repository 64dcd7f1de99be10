package com.copyguard.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.copyguard.app.ServiceConfig;
import com.copyguard.testing.ApiClient;
import com.copyguard.testing.ApiClient.Response;
import com.copyguard.testing.RunningService;
import com.copyguard.testing.Scenario;
import com.copyguard.testing.TestRuleVersions;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * A rule that fires without end and a rule that throws, both real DRL versions activated over
 * HTTP: each refuses only the input it was deciding (500 with its code), leaves every account,
 * position, transaction and decision as it was, and the service goes on serving.
 */
class RuleSafetyIT {
    /** The version rules/ACTIVE names: what a fresh data directory starts with. */
    private static final String ACTIVE = com.copyguard.testing.TestRuleVersions.activeVersion();
    private static final String FILL = """
            {"fillId": "%s", "symbol": "AUSDT", "action": "OPEN_LONG", "qty": "10", "price": "100", "leverage": 10,
             "marginMode": "CROSS", "status": "FILLED", "time": %d}""";

    /** Everything a follower or expert can see, as raw JSON, to compare before and after. */
    private static List<String> state(ApiClient api, String subscription, String account) {
        return List.of(api.get("/subscriptions/" + subscription).raw(), api.get("/accounts/" + account).raw(),
                api.get("/accounts/" + account + "/transactions").raw(), api.get("/experts/alice").raw(),
                api.get("/decisions").raw());
    }

    @Test
    void runawayAndThrowingRulesRefuseOnlyTheirInputAndChangeNothing() throws Exception {
        Path rules = TestRuleVersions.root();
        Path data = Files.createTempDirectory("copyguard-safety");
        try (RunningService service = RunningService.start(new ServiceConfig("127.0.0.1", 0, data, rules, null, null))) {
            ApiClient api = service.api();
            Scenario s = new Scenario(api).instrument("AUSDT", "0").expert("alice", "100000");
            Response follow = s.follow("""
                    {"followerId": "bob", "expertId": "alice", "mode": "MULTIPLIER", "multiplier": "0.5", "amount": "1000",
                     "time": 1700000001000}""");
            String sub = follow.text("subscriptionId");
            String account = follow.text("accountId");
            s.fill("alice", "f1", "AUSDT", "OPEN_LONG", "10", "100", 10, 1700000002000L);
            List<String> before = state(api, sub, account);

            assertThat(api.post("/rules/activate", "{\"version\": \"runaway\"}").status()).isEqualTo(200);
            Response runaway = api.post("/experts/alice/fills", FILL.formatted("f2", 1700000006000L));
            assertThat(runaway.status()).isEqualTo(500);
            assertThat(runaway.error()).isEqualTo("RULE_RUNAWAY");
            assertThat(runaway.text("message")).contains("rule set runaway fired");
            assertThat(state(api, sub, account)).isEqualTo(before);

            assertThat(api.post("/rules/activate", "{\"version\": \"throwing\"}").status()).isEqualTo(200);
            Response thrown = api.post("/experts/alice/fills", FILL.formatted("f2", 1700000006000L));
            assertThat(thrown.status()).isEqualTo(500);
            assertThat(thrown.error()).isEqualTo("RULE_FAILED");
            assertThat(thrown.text("message")).contains("deliberate failure in a test rule");
            assertThat(state(api, sub, account)).isEqualTo(before);
            assertThat(api.get("/health").status()).isEqualTo(200);

            // The service keeps serving: back on the active version the very same fill id is decided normally.
            assertThat(api.post("/rules/activate", "{\"version\": \"" + ACTIVE + "\"}").status()).isEqualTo(200);
            Response retried = api.post("/experts/alice/fills", FILL.formatted("f2", 1700000006000L));
            assertThat(retried.status()).as(retried.raw()).isEqualTo(200);
            assertThat(retried.body().get("copied").asInt()).isEqualTo(1);
            before = state(api, sub, account);
        }
        // Refused inputs were never journaled: a replay from scratch rebuilds exactly the same state.
        try (RunningService again = RunningService.start(new ServiceConfig("127.0.0.1", 0, data, rules, null, null))) {
            Response follow = again.api().get("/decisions?fillId=f2");
            assertThat(follow.body().path("items")).hasSize(1);
            assertThat(again.api().get("/health").text("ruleSet")).isEqualTo(ACTIVE);
        }
    }
}
