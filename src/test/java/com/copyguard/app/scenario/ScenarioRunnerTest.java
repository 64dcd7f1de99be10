package com.copyguard.app.scenario;

import static org.assertj.core.api.Assertions.assertThat;

import com.copyguard.json.Json;
import com.copyguard.core.rules.RuleSet;
import com.copyguard.core.rules.RuleSetLoader;
import com.copyguard.testing.TestRuleVersions;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The runner reports mismatches readably and understands expected refusals. */
class ScenarioRunnerTest {
    private static RuleSet v1;

    @BeforeAll
    static void compile() throws Exception {
        v1 = RuleSetLoader.loadFolder(TestRuleVersions.REAL_RULES.resolve("v1"));
    }

    private static ScenarioResult run(RuleSet rules, String json) throws Exception {
        return new ScenarioRunner(rules).run("inline.json", Json.MAPPER.readTree(json));
    }

    private static final String GIVEN = """
            "given": {
              "experts": {"alice": {"equity": "1000"}},
              "subscriptions": [{"followerId": "bob", "mode": "MULTIPLIER", "multiplier": "0.1", "amount": "1000"}]
            },
            "when": {"fill": {"symbol": "BTCUSDT", "action": "OPEN_LONG", "qty": "1", "price": "50000", "leverage": 100}},
            """;

    @Test
    void aMatchingExpectationPasses() throws Exception {
        ScenarioResult r = run(v1, "{" + GIVEN + """
                "then": {"decisions": [{"follower": "bob", "outcome": "COPIED", "qty": "0.1", "margin": "50"}]}}""");
        assertThat(r.failures()).isEmpty();
        assertThat(r.decisions()).hasSize(1);
        assertThat(r.subscriptionNames()).containsValue("bob/alice");
    }

    @Test
    void aMismatchNamesTheFollowerTheFieldsAndWhatHappened() throws Exception {
        ScenarioResult r = run(v1, "{" + GIVEN + """
                "then": {"decisions": [{"follower": "bob", "outcome": "REJECTED", "reason": "BELOW_MIN_QTY", "qty": "0"}]}}""");
        assertThat(r.passed()).isFalse();
        assertThat(r.failures()).singleElement().asString()
                .contains("bob: expected REJECTED BELOW_MIN_QTY qty 0")
                .contains("got COPIED (no reason) qty 0.1")
                .contains("differs in outcome, reason, qty");
    }

    @Test
    void anUnlistedDecisionFailsUnlessExactlyIsFalse() throws Exception {
        String twoFollowers = """
                {"given": {"experts": {"alice": {"equity": "1000"}},
                           "subscriptions": [{"followerId": "bob", "mode": "MULTIPLIER", "multiplier": "0.1", "amount": "1000"},
                                             {"followerId": "carol", "mode": "MULTIPLIER", "multiplier": "0.2", "amount": "1000"}]},
                 "when": {"fill": {"symbol": "BTCUSDT", "action": "OPEN_LONG", "qty": "1", "price": "50000", "leverage": 100}},
                 "then": {%s "decisions": [{"follower": "bob", "outcome": "COPIED", "qty": "0.1"}]}}""";
        assertThat(run(v1, twoFollowers.formatted("")).failures()).singleElement().asString()
                .startsWith("unexpected decision for carol/alice");
        assertThat(run(v1, twoFollowers.formatted("\"exactly\": false,")).passed()).isTrue();
    }

    @Test
    void typosInTheFileAreReportedNotIgnored() throws Exception {
        ScenarioResult r = run(v1, "{" + GIVEN + """
                "then": {"decisions": [{"follower": "bob", "outcome": "COPIED", "quantity": "0.1"}]}}""");
        assertThat(r.failures()).singleElement().asString().contains("unknown field 'quantity' in then.decisions");
        ScenarioResult refused = run(v1, """
                {"given": {"experts": {"alice": {}}, "subscriptions": [{"followerId": "bob", "mode": "MULTIPLIER", "multiplier": "1", "amount": "10"}]},
                 "when": {"clock": 1}, "then": {}}""");
        assertThat(refused.failures()).singleElement().asString()
                .contains("scenario error: given follow").contains("BELOW_MIN_FOLLOW_AMOUNT");
    }

    @Test
    void placeholdersReachTheIdsTheEngineAssigned() throws Exception {
        ScenarioResult r = run(v1, """
                {"given": {"experts": {"alice": {"equity": "1000"}},
                           "subscriptions": [{"followerId": "bob", "mode": "MULTIPLIER", "multiplier": "0.1", "amount": "50"}],
                           "steps": [{"command": {"type": "Deposit", "accountId": "${account:bob}", "amount": "950",
                                                  "requestId": "top-up", "time": 1700000100000}},
                                     {"settings": {"follower": "bob", "patch": {"maxMarginPerOrderRatio": "0.01"}}}]},
                 "when": {"fill": {"symbol": "BTCUSDT", "action": "OPEN_LONG", "qty": "1", "price": "50000", "leverage": 100}},
                 "then": {"decisions": [{"follower": "bob", "outcome": "COPIED", "reason": "MAX_MARGIN_PER_ORDER", "qty": "0.02"}]}}""");
        assertThat(r.failures()).isEmpty();
    }

    @Test
    void anExpectedRefusalPassesWhenTheRulesFail() throws Exception {
        Path root = TestRuleVersions.root();
        RuleSet throwing = RuleSetLoader.loadFolder(root.resolve("throwing"));
        ScenarioResult r = run(throwing, "{" + GIVEN + "\"then\": {\"error\": \"RULE_FAILED\"}}");
        assertThat(r.failures()).isEmpty();
        ScenarioResult unexpected = run(throwing, "{" + GIVEN + """
                "then": {"decisions": [{"follower": "bob", "outcome": "COPIED"}]}}""");
        assertThat(unexpected.failures()).singleElement().asString().startsWith("when[0] was refused: RULE_FAILED");
    }

    /**
     * {@code riskChecksOnTicks} counts the accounts the "when" ticks put through the risk rules: with
     * trigger prices (v3) a tick that crosses no trigger checks nobody; without them (v1) every tick
     * checks every holder. So the same expectation passes on one and fails on the other.
     */
    @Test
    void riskChecksOnTicksCountsWhatTheTicksCheckedWithAndWithoutTriggerPrices() throws Exception {
        String scenario = """
                {"given": {"instruments": {"AUSDT": {"minQty": "0.001", "qtyStep": "0.001", "maxLeverage": 125,
                                                     "takerFeeRate": "0", "maintenanceMarginRate": "0.005"}},
                           "experts": {"alice": {"equity": "10000"}},
                           "subscriptions": [{"followerId": "bob", "mode": "MULTIPLIER", "multiplier": "1", "amount": "1000",
                                              "settings": {"stopLossRatio": "0.5"}}],
                           "fills": [{"symbol": "AUSDT", "action": "OPEN_LONG", "qty": "1", "price": "100", "leverage": 10}],
                           "steps": [{"prices": {"AUSDT": "97"}}]},
                 "when": [{"prices": {"AUSDT": "96"}}, {"prices": {"AUSDT": "95.5"}}],
                 "then": {"riskChecksOnTicks": 0, "riskActions": []}}""";
        RuleSet v3 = RuleSetLoader.loadFolder(TestRuleVersions.REAL_RULES.resolve("v3"));
        assertThat(run(v3, scenario).failures()).as("v3: neither tick reaches the stop at 95").isEmpty();
        assertThat(run(v1, scenario).failures()).singleElement().asString()
                .contains("expected the price ticks to put 0 account(s) through the risk rules, they put 2");
    }
}
