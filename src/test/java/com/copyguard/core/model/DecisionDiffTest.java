package com.copyguard.core.model;

import static org.assertj.core.api.Assertions.assertThat;

import com.copyguard.core.model.DecisionDiff.Field;
import java.math.BigDecimal;
import java.util.List;
import org.junit.jupiter.api.Test;

class DecisionDiffTest {
    record Decided(String copy, CopyDecision decision) {
    }

    private static final DecisionDiff<Decided> DIFF = new DecisionDiff<>(Decided::copy, Decided::decision);

    private static Decided copied(String copy, String qty) {
        return new Decided(copy, new CopyDecision(Outcome.COPIED, null, new BigDecimal(qty)));
    }

    private static Decided rejected(String copy, ReasonCode reason) {
        return new Decided(copy, new CopyDecision(Outcome.REJECTED, reason, BigDecimal.ZERO));
    }

    @Test
    void pairsByKeyAndNamesTheFieldsThatDiffer() {
        List<Decided> before = List.of(copied("s1", "0.10"), copied("s2", "1"), copied("s3", "2"),
                rejected("s4", ReasonCode.NOT_ACTIVE));
        List<Decided> after = List.of(rejected("s4", ReasonCode.PAIR_NOT_FOLLOWED), copied("s3", "1.5"),
                rejected("s2", ReasonCode.NOT_ACTIVE), copied("s1", "0.1"));

        DecisionDiff.Result<Decided> r = DIFF.compare(before, after);

        assertThat(r.compared()).isEqualTo(4);
        assertThat(r.differences()).extracting(d -> d.before().copy()).containsExactly("s2", "s3", "s4");
        assertThat(r.differences()).extracting(DecisionDiff.Difference::fields).containsExactly(
                List.of(Field.OUTCOME, Field.REASON, Field.QTY), List.of(Field.QTY), List.of(Field.REASON));
    }

    @Test
    void aDecisionOnlyOneSideMadeDiffers() {
        DecisionDiff.Result<Decided> r = DIFF.compare(List.of(copied("s1", "1"), copied("gone", "1")),
                List.of(copied("s1", "1"), copied("new", "1")));
        assertThat(r.compared()).isEqualTo(2);
        assertThat(r.differences()).hasSize(2);
        assertThat(r.differences().get(0).before().copy()).isEqualTo("gone");
        assertThat(r.differences().get(0).after()).isNull();
        assertThat(r.differences().get(1).before()).isNull();
        assertThat(r.differences().get(1).after().copy()).isEqualTo("new");
    }

    @Test
    void labelsAChangeByOutcomeThenReasonThenQuantity() {
        CopyDecision copied = new CopyDecision(Outcome.COPIED, null, BigDecimal.ONE);
        assertThat(DecisionDiff.change(copied, rejected("s", ReasonCode.NOT_ACTIVE).decision()))
                .isEqualTo("COPIED→REJECTED");
        assertThat(DecisionDiff.change(copied, new CopyDecision(Outcome.COPIED, null, BigDecimal.TEN)))
                .isEqualTo("COPIED→COPIED(qty)");
        assertThat(DecisionDiff.change(rejected("s", ReasonCode.NOT_ACTIVE).decision(),
                rejected("s", ReasonCode.PAIR_NOT_FOLLOWED).decision())).isEqualTo("REJECTED→REJECTED(reason)");
    }
}
