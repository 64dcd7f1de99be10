package com.copyguard.core.engine;

import static org.assertj.core.api.Assertions.assertThat;

import com.copyguard.core.command.Deposit;
import com.copyguard.core.command.PriceTick;
import com.copyguard.core.command.Withdraw;
import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

/** An idempotency key is bound to its command's canonical form: same input, same digest; any difference, another. */
class CommandDigestTest {
    private static Deposit deposit(String amount) {
        return new Deposit("A1", new BigDecimal(amount), "r1", 1_700_000_000_000L);
    }

    @Test
    void theSameInputGivesTheSameDigestAndAnyFieldChangesIt() {
        assertThat(CommandDigest.of(deposit("10.5"))).isEqualTo(CommandDigest.of(deposit("10.5"))).hasSize(16);
        assertThat(CommandDigest.of(deposit("10.5"))).isNotEqualTo(CommandDigest.of(deposit("10.6")));
        assertThat(CommandDigest.of(new Deposit("A1", BigDecimal.ONE, "r1", 1)))
                .isNotEqualTo(CommandDigest.of(new Deposit("A1", BigDecimal.ONE, "r1", 2)));
    }

    @Test
    void decimalsKeepTheirScaleAsTheJournalDidButNotTheirNotation() {
        assertThat(CommandDigest.of(deposit("100.50"))).isNotEqualTo(CommandDigest.of(deposit("100.5")));
        assertThat(CommandDigest.of(deposit("1E+3"))).isEqualTo(CommandDigest.of(deposit("1000")));
    }

    @Test
    void twoKindsOfInputWithTheSameFieldsDiffer() {
        Withdraw withdraw = new Withdraw("A1", new BigDecimal("10.5"), "r1", 1_700_000_000_000L);
        assertThat(CommandDigest.of(withdraw)).isNotEqualTo(CommandDigest.of(deposit("10.5")));
    }

    @Test
    void nestedRecordsListsMapsAndSetsHaveOneCanonicalText() {
        PriceTick tick = new PriceTick(5, List.of(new PriceTick.SymbolPrice("BTCUSDT", new BigDecimal("1.0"))));
        assertThat(CommandDigest.canonical(tick)).isEqualTo(
                "com.copyguard.core.command.PriceTick{time=5;prices=[com.copyguard.core.command.PriceTick$SymbolPrice"
                        + "{symbol=\"BTCUSDT\";price=1.0;}];}");
        Map<String, Integer> ab = new LinkedHashMap<>();
        ab.put("a", 1);
        ab.put("b", 2);
        Map<String, Integer> ba = new LinkedHashMap<>();
        ba.put("b", 2);
        ba.put("a", 1);
        assertThat(CommandDigest.canonical(ab)).isEqualTo(CommandDigest.canonical(ba));
        assertThat(CommandDigest.canonical(Set.of("y", "x", "z"))).isEqualTo(CommandDigest.canonical(new TreeSet<>(Set.of("x", "y", "z"))));
        assertThat(CommandDigest.canonical(List.of("y", "x"))).isNotEqualTo(CommandDigest.canonical(List.of("x", "y")));
    }
}
