package com.copyguard.app.scenario.mutation;

import static org.assertj.core.api.Assertions.assertThat;

import com.copyguard.app.Cli;
import com.copyguard.app.scenario.mutation.MutantResult.Status;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The mutation tool on a tiny rule set with two scenarios, built so that each kind of result
 * appears: mutants a scenario kills, one no scenario pins (the 0.5 limit nudged up to 0.6: the
 * rejected order is 0.7), one the compiler kills (an int literal pushed past its maximum) and one
 * annotated equivalent.
 */
class MutationRunTest {
    private static final String DRL = """
            package copyguard;

            import com.copyguard.core.model.MarginMode;
            import com.copyguard.core.model.Outcome;
            import com.copyguard.core.model.ReasonCode;
            import com.copyguard.core.rules.facts.OpenCopy;

            // An order above 0.5 is not copied ("0.5" in this comment is never mutated).
            rule "Orders above 0.5 are not copied"
                salience 200
            when
                $c : OpenCopy( outcome == Outcome.PENDING, order.qty > 0.5B )
            then
                modify($c) { explain("limit", 0.5), reject(ReasonCode.MAX_POSITION_VALUE) }
            end

            rule "Copy the expert's quantity"
                salience 100
            when
                $c : OpenCopy( outcome == Outcome.PENDING )
            then
                // mutation-equivalent[2147483647→2147483646]: no leverage comes near the int maximum
                $c.setLeverage(Math.min(2147483647, $c.getOrder().getLeverage()));
                $c.setMarginMode(MarginMode.CROSS);
                $c.setTarget($c.getOrder().getQty());
                $c.roundTo($c.getQty());
                $c.accept();
            end
            """;

    private static final String SCENARIO = """
            {"description": "%s",
             "given": {"experts": {"alice": {"equity": "1000"}}, "prices": {"BTCUSDT": "100"},
                       "subscriptions": [{"followerId": "bob", "mode": "MULTIPLIER", "multiplier": "1", "amount": "1000"}]},
             "when": {"fill": {"symbol": "BTCUSDT", "action": "OPEN_LONG", "qty": "%s", "price": "100", "leverage": 10}},
             "then": {"decisions": [{"follower": "bob", %s}]}}
            """;

    @TempDir
    static Path root;
    static Path version;
    static MutationReport report;

    @BeforeAll
    static void runOnTheTinyRuleSet() throws Exception {
        version = root.resolve("tiny");
        Files.createDirectories(version.resolve("scenarios"));
        Files.writeString(version.resolve("manifest.properties"), "version=tiny\ndescription=two rules\n");
        Files.writeString(version.resolve("tiny.drl"), DRL);
        Files.writeString(version.resolve("scenarios/at-limit.json"), SCENARIO.formatted("0.5 is copied", "0.5",
                "\"outcome\": \"COPIED\", \"qty\": \"0.5\""));
        Files.writeString(version.resolve("scenarios/above-limit.json"), SCENARIO.formatted("0.7 is not", "0.7",
                "\"outcome\": \"REJECTED\", \"reason\": \"MAX_POSITION_VALUE\""));
        report = new MutationRun(version, 2, Set.of()).run(r -> { });
    }

    @Test
    void findsEveryMutationPointInRuleCodeAndNoneInCommentsStringsOrExplanations() {
        assertThat(report.results()).extracting(r -> r.mutant().kind().label() + " " + r.mutant().change())
                .containsExactlyInAnyOrder(
                        "negation outcome == Outcome.PENDING → !( outcome == Outcome.PENDING )",
                        "negation order.qty > 0.5B → !( order.qty > 0.5B )",
                        "operator > → >=",
                        "number 0.5B → 0.6B",
                        "number 0.5B → 0.4B",
                        "reason MAX_POSITION_VALUE → INSUFFICIENT_BALANCE",
                        "negation outcome == Outcome.PENDING → !( outcome == Outcome.PENDING )",
                        "number 2147483647 → 2147483648",
                        "number 2147483647 → 2147483646");
        assertThat(report.results()).allSatisfy(r -> assertThat(r.mutant().file()).isEqualTo("tiny.drl"));
    }

    @Test
    void aMutantAScenarioCatchesIsKilledByThatScenario() {
        assertThat(result("operator > → >=")).satisfies(r -> {
            assertThat(r.status()).isEqualTo(Status.KILLED);
            assertThat(r.detail()).startsWith("at-limit.json: bob: expected COPIED");
            assertThat(r.mutant().line()).isEqualTo(12);
            assertThat(r.mutant().rule()).isEqualTo("Orders above 0.5 are not copied");
        });
        assertThat(result("reason MAX_POSITION_VALUE → INSUFFICIENT_BALANCE").detail()).startsWith("above-limit.json");
        assertThat(result("number 0.5B → 0.4B").status()).isEqualTo(Status.KILLED);
    }

    @Test
    void aMutantNoScenarioPinsSurvivesWithItsNearestScenario() {
        MutantResult survivor = result("number 0.5B → 0.6B");
        assertThat(survivor.status()).isEqualTo(Status.SURVIVED);
        assertThat(survivor.nearest()).isEqualTo("above-limit.json");
        assertThat(report.with(Status.SURVIVED)).containsExactly(survivor);
        assertThat(report.allKilled()).isFalse();
    }

    @Test
    void aMutantThatDoesNotCompileIsKilledByTheCompiler() {
        MutantResult r = result("number 2147483647 → 2147483648");
        assertThat(r.status()).isEqualTo(Status.COMPILE_ERROR);
        assertThat(r.detail()).isNotBlank();
    }

    @Test
    void anAnnotatedMutantIsListedAsEquivalentWithItsReason() {
        MutantResult r = result("number 2147483647 → 2147483646");
        assertThat(r.status()).isEqualTo(Status.EQUIVALENT);
        assertThat(r.mutant().equivalentReason()).isEqualTo("no leverage comes near the int maximum");
        assertThat(report.killRate()).isEqualTo(7 / 8.0);
    }

    @Test
    void theCommandLinePrintsTheCountsAndExitsNonZeroOnASurvivor() {
        Cli cli = Cli.run("rules", "test", "--mutations", "--threads", "2", version.toString());
        assertThat(cli.exit()).as(cli.out() + cli.err()).isEqualTo(1);
        assertThat(cli.out())
                .contains("SURVIVED  #4 tiny.drl:12:60 number `0.5B → 0.6B` in \"Orders above 0.5 are not copied\"")
                .contains("nearest scenario: above-limit.json")
                .contains("COMPILER  #8 tiny.drl:23:29 number `2147483647 → 2147483648`")
                .contains("EQUIVALENT #9 tiny.drl:23:29 number `2147483647 → 2147483646`")
                .contains("because no leverage comes near the int maximum")
                .contains("Mutants: 9; killed by scenarios 6, by the compiler 1; equivalent 1; survived 1; kill rate 87.5 %")
                .contains("RESULT: 1 mutants survived")
                .containsPattern("Run time \\d+\\.\\d s");
    }

    private static MutantResult result(String change) {
        return report.results().stream()
                .filter(r -> (r.mutant().kind().label() + " " + r.mutant().change()).equals(change))
                .findFirst().orElseThrow(() -> new AssertionError("no mutant " + change + " in " + report.results()));
    }
}
