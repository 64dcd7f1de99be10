package com.copyguard.app.scenario.mutation;

import static org.assertj.core.api.Assertions.assertThat;

import com.copyguard.app.Cli;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The active rule set's scenarios pin its thresholds: the changes a rule author could make by
 * mistake make {@code rules test} fail, and no mutant of the money rules survives. The full
 * mutation run over every DRL file takes minutes; it runs with {@code -Dcopyguard.mutations=full}.
 */
class ActiveRuleSetMutationTest {
    private static final Path RULES = Path.of("rules");

    @Test
    void theActiveVersionPassesItsScenariosUnchanged() throws Exception {
        Cli cli = Cli.run("rules", "test", copyOfActive("unchanged").toString());
        assertThat(cli.exit()).as(cli.out()).isZero();
    }

    @ParameterizedTest(name = "{0}: {1} → {2}")
    @CsvSource(delimiter = '|', value = {
        "money.drl       | Decimals.of(\"0.30\")               | Decimals.of(\"0.25\")",
        "eligibility.drl | order.msSinceLastOpen < 3000       | order.msSinceLastOpen < 2000",
        "slippage.drl    | slippage > settings.maxSlippage    | slippage >= settings.maxSlippage"})
    void aChangedThresholdOrComparisonFailsRulesTest(String file, String from, String to) throws Exception {
        Path copy = copyOfActive(file.replace(".drl", ""));
        Path drl = copy.resolve(file);
        String text = Files.readString(drl);
        assertThat(text).as("the active version's " + file + " still says " + from).contains(from);
        Files.writeString(drl, text.replace(from, to));

        Cli cli = Cli.run("rules", "test", copy.toString());
        assertThat(cli.exit()).as(cli.out()).isEqualTo(1);
        assertThat(cli.out()).contains("FAIL  ").containsPattern("\\d+ scenarios: \\d+ passed, [1-9]\\d* failed");
    }

    @Test
    void noMutantOfTheMoneyRulesSurvives() throws Exception {
        Cli cli = Cli.run("rules", "test", "--mutations", "--file", "money.drl", activeFolder().toString());
        assertThat(cli.exit()).as(cli.out()).isZero();
        assertThat(cli.out()).contains("survived 0;").contains("RESULT: no mutant survived")
                .contains("because "); // the equivalent mutants are listed with their reasons
    }

    /**
     * The risk index's trigger prices: a trigger declared too late is a stop that fires late, one
     * declared too early checks accounts for nothing; the trigger-*.json scenarios see both
     * (rules/README.md, "Mutation testing"). Only versions that declare trigger prices have the file.
     */
    @Test
    void noMutantOfTheTriggerPricesSurvives() throws Exception {
        org.junit.jupiter.api.Assumptions.assumeTrue(Files.exists(activeFolder().resolve("triggers.drl")),
                "the active version declares no trigger prices");
        Cli cli = Cli.run("rules", "test", "--mutations", "--file", "triggers.drl", activeFolder().toString());
        assertThat(cli.exit()).as(cli.out()).isZero();
        assertThat(cli.out()).contains("survived 0;").contains("RESULT: no mutant survived");
    }

    /**
     * The token budget granted from claims in follow order (v4): a claim granted out of turn, a
     * refusal that does not wait for the earlier claims (its explanation counts less), a copy told
     * the wrong answer; the token-limit-*.json scenarios pin each. Only versions that decide from
     * claims have the rules (@tokenClaims).
     */
    @Test
    void noMutantOfTheTokenClaimsSurvives() throws Exception {
        org.junit.jupiter.api.Assumptions.assumeTrue(Files.readString(activeFolder().resolve("token.drl"))
                .contains("@tokenClaims"), "the active version's token rules take no claims");
        Cli cli = Cli.run("rules", "test", "--mutations", "--file", "token.drl", activeFolder().toString());
        assertThat(cli.exit()).as(cli.out()).isZero();
        assertThat(cli.out()).contains("survived 0;").contains("RESULT: no mutant survived");
    }

    @Test
    @EnabledIfSystemProperty(named = "copyguard.mutations", matches = "full")
    void noMutantOfTheActiveVersionSurvives() throws Exception {
        Cli cli = Cli.run("rules", "test", "--mutations", activeFolder().toString());
        System.out.println(cli.out());
        assertThat(cli.exit()).as(cli.out()).isZero();
        assertThat(cli.out()).contains("survived 0;").contains("RESULT: no mutant survived");
    }

    private static Path activeFolder() throws Exception {
        return RULES.resolve(Files.readString(RULES.resolve("ACTIVE")).trim());
    }

    /** A copy of the active version (DRL, manifest, scenarios) in a temporary folder. */
    private static Path copyOfActive(String name) throws Exception {
        Path source = activeFolder();
        Path copy = Files.createTempDirectory("copyguard-mutated-" + name).resolve(source.getFileName());
        Files.createDirectories(copy.resolve("scenarios"));
        try (Stream<Path> files = Files.walk(source)) {
            for (Path f : files.filter(Files::isRegularFile).toList()) {
                Files.copy(f, copy.resolve(source.relativize(f).toString()));
            }
        }
        return copy;
    }
}
