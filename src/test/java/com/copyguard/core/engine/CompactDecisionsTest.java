package com.copyguard.core.engine;

import static org.assertj.core.api.Assertions.assertThat;

import com.copyguard.core.model.FillAction;
import com.copyguard.core.model.Outcome;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Decisions kept compactly read back exactly as they were made, and a fill's decisions are logged together. */
class CompactDecisionsTest {
    private static DecisionRecord decision(String fillId, String subscriptionId, List<String> fired,
                                           Map<String, String> explanation) {
        return new DecisionRecord(fillId, "x", subscriptionId, "BTCUSDT", FillAction.OPEN_LONG, Outcome.COPIED, null,
                BigDecimal.ONE, BigDecimal.TEN, BigDecimal.ONE, 10, "v1", fired, explanation, 0, null);
    }

    @Test
    void theComparedValuesKeepTheirOrderAndEqualTheMapTheyCameFrom() {
        Map<String, String> made = new LinkedHashMap<>();
        made.put("zeta", "1");
        made.put("alpha", "2.5");
        made.put("mid", "null");
        DecisionRecord d = decision("f1", "S1", new ArrayList<>(List.of("size", "round")), made);
        assertThat(d.explanation()).isEqualTo(made).containsExactly(Map.entry("zeta", "1"), Map.entry("alpha", "2.5"),
                Map.entry("mid", "null"));
        assertThat(d.explanation().get("alpha")).isEqualTo("2.5");
        assertThat(d.explanation().get("absent")).isNull();
        assertThat(d.explanation().hashCode()).isEqualTo(made.hashCode());
        assertThat(decision("f1", "S1", List.of(), Map.of()).explanation()).isEmpty();
        // a restored record (built again from what was logged) equals the live one
        assertThat(decision("f1", "S1", d.rulesFired(), d.explanation())).isEqualTo(d);
    }

    @Test
    void equalRulePathsShareOneImmutableList() {
        DecisionRecord a = decision("f1", "S1", new ArrayList<>(List.of("size", "round", "accept")), Map.of());
        DecisionRecord b = decision("f1", "S2", new ArrayList<>(List.of("size", "round", "accept")), Map.of());
        assertThat(a.rulesFired()).containsExactly("size", "round", "accept").isSameAs(b.rulesFired());
        assertThat(decision("f1", "S3", List.of("size"), Map.of()).rulesFired()).containsExactly("size");
    }

    @Test
    void aFillsDecisionsAddedTogetherAreFoundByFillAndBySubscriptionEvenPastTheCapacity() {
        DecisionLog log = new DecisionLog(3);
        log.addAll(List.of(decision("f1", "S1", List.of(), Map.of()), decision("f1", "S2", List.of(), Map.of())));
        log.addAll(List.of(decision("f2", "S1", List.of(), Map.of()), decision("f2", "S2", List.of(), Map.of()),
                decision("f2", "S3", List.of(), Map.of()), decision("f3", "S1", List.of(), Map.of())));
        assertThat(log.size()).isEqualTo(6);
        assertThat(log.query(null, null, 10)).extracting(DecisionRecord::fillId).containsExactly("f2", "f2", "f3");
        assertThat(log.query("f1", null, 10)).isEmpty();
        assertThat(log.query("f2", null, 10)).extracting(DecisionRecord::subscriptionId).containsExactly("S2", "S3");
        assertThat(log.query(null, "S1", 10)).extracting(DecisionRecord::fillId).containsExactly("f3");
        // one fill larger than the whole log: its by-fill index follows the drops inside the call
        DecisionLog small = new DecisionLog(2);
        small.addAll(List.of(decision("g", "S1", List.of(), Map.of()), decision("g", "S2", List.of(), Map.of()),
                decision("g", "S3", List.of(), Map.of()), decision("g", "S4", List.of(), Map.of())));
        assertThat(small.query("g", null, 10)).extracting(DecisionRecord::subscriptionId).containsExactly("S3", "S4");
    }
}
