package com.copyguard.core.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.copyguard.core.model.FillAction;
import com.copyguard.core.model.Outcome;
import com.copyguard.api.ResultStatus;
import com.copyguard.json.ApiJson;
import com.copyguard.json.JsonAnswerCodec;
import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** What the engine keeps in memory is bounded, and what it drops never weakens idempotency. */
class BoundedMemoryTest {
    private static DecisionRecord decision(String fillId, String subscriptionId) {
        return new DecisionRecord(fillId, "x", subscriptionId, "BTCUSDT", FillAction.OPEN_LONG, Outcome.COPIED, null,
                BigDecimal.ONE, BigDecimal.TEN, BigDecimal.ONE, 10, "v1", List.of(), Map.of(), 0, null);
    }

    @Test
    void theDecisionLogKeepsTheNewestAndItsIndexesFollow() {
        DecisionLog log = new DecisionLog(3);
        log.add(decision("f1", "S1"));
        log.add(decision("f1", "S2"));
        log.add(decision("f2", "S1"));
        log.add(decision("f3", "S1"));
        assertThat(log.size()).isEqualTo(4);
        assertThat(log.query(null, null, 10)).extracting(DecisionRecord::fillId).containsExactly("f1", "f2", "f3");
        assertThat(log.query("f1", null, 10)).extracting(DecisionRecord::subscriptionId).containsExactly("S2");
        assertThat(log.query(null, "S1", 10)).extracting(DecisionRecord::fillId).containsExactly("f2", "f3");
    }

    @Test
    void oldAnswersShrinkToASummaryButAreNeverForgotten() {
        Idempotency memory = new Idempotency(200, new JsonAnswerCodec());
        for (int i = 0; i < 5; i++) {
            DecisionSummary copied = new DecisionSummary("S1", Outcome.COPIED, null, new BigDecimal("0.123456789"),
                    null, null, null);
            memory.remember("fill:x/f" + i, deposit(i), new FillResult("x", "f" + i, i, 0, List.of(copied),
                    FanOutSummary.of(List.of(copied), d -> d.outcome().name(), DecisionSummary::reason, 0), List.of(),
                    FanOutSummary.of(List.<RiskActionSummary>of(), RiskActionSummary::action, RiskActionSummary::reason, 0)));
        }
        Result newest = memory.seen("fill:x/f4", deposit(4));
        assertThat(ApiJson.tree(newest).path("decisions")).hasSize(1);
        assertThat(newest.changed()).isFalse();
        Result oldest = memory.seen("fill:x/f0", deposit(0));
        assertThat(oldest).as("a very late repeat is still recognised").isNotNull();
        assertThat(ResultStatus.of(oldest)).isEqualTo(200);
        JsonNode summary = ApiJson.tree(oldest);
        assertThat(summary.path("summary").asBoolean()).isTrue();
        assertThat(summary.path("fillId").asText()).isEqualTo("f0");
        assertThat(summary.has("decisions")).isFalse();
        assertThat(summary.path("decisionSummary").path("byOutcome").path("COPIED").asLong())
                .as("the summary keeps the counts by outcome").isEqualTo(1);
        assertThat(memory.seen("fill:x/unknown", deposit(9))).isNull();
        assertThatThrownBy(() -> memory.seen("fill:x/f0", deposit(1)))
                .as("a key is bound to the body it first came with")
                .isInstanceOfSatisfying(com.copyguard.core.refusal.InputRefused.class,
                        e -> assertThat(e.errorCode()).isEqualTo("IDEMPOTENCY_KEY_REUSED"));
    }

    private static com.copyguard.core.command.Deposit deposit(int i) {
        return new com.copyguard.core.command.Deposit("A1", new java.math.BigDecimal(100 + i), "r" + i, 1_700_000_000_000L);
    }
}
