package com.copyguard.app;

import static org.assertj.core.api.Assertions.assertThat;

import com.copyguard.testing.TestRuleVersions;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** {@code copyguard rules test|validate}: a readable report and an exit code a CI job can use. */
class RulesCommandTest {

    @Test
    void testReportsEveryScenarioOfV1AsPassing() {
        Cli cli = Cli.run("rules", "test", "rules/v1");
        assertThat(cli.exit()).as(cli.out() + cli.err()).isZero();
        assertThat(cli.out()).contains("Rule set v1 (rules/v1)").contains("PASS  copied-open-smart-ratio.json")
                .containsPattern("\\d+ scenarios: \\d+ passed, 0 failed");
    }

    @Test
    void aFailingScenarioIsReportedWithItsDecisionTraceAndExitCodeOne() throws Exception {
        Path version = Files.createTempDirectory("copyguard-cli").resolve("v1");
        Files.createDirectories(version.resolve("scenarios"));
        try (Stream<Path> files = Files.list(Path.of("rules/v1"))) {
            for (Path f : files.filter(Files::isRegularFile).toList()) {
                Files.copy(f, version.resolve(f.getFileName()));
            }
        }
        Files.copy(Path.of("rules/v1/scenarios/below-min-qty.json"), version.resolve("scenarios/below-min-qty.json"));
        Files.writeString(version.resolve("scenarios/wrong.json"), Files.readString(Path.of("rules/v1/scenarios/below-min-qty.json"))
                .replace("\"outcome\": \"REJECTED\"", "\"outcome\": \"COPIED\""));

        Cli cli = Cli.run("rules", "test", version.toString());
        assertThat(cli.exit()).isEqualTo(1);
        assertThat(cli.out()).contains("PASS  below-min-qty.json").contains("FAIL  wrong.json")
                .contains("bob: expected COPIED BELOW_MIN_QTY qty 0; got REJECTED BELOW_MIN_QTY qty 0")
                .contains("rules fired: Leverage follows the expert")
                .contains("2 scenarios: 1 passed, 1 failed");
    }

    @Test
    void aVersionThatDoesNotCompileExitsWithTwoAndItsMessages() {
        Path root = TestRuleVersions.root();
        Cli test = Cli.run("rules", "test", root.resolve("type-error").toString());
        assertThat(test.exit()).isEqualTo(2);
        assertThat(test.out()).contains("does not compile").contains("wrong-type.drl:10");

        Cli validate = Cli.run("rules", "validate", root.resolve("v1").toString(), root.resolve("syntax-error").toString());
        assertThat(validate.exit()).isEqualTo(2);
        assertThat(validate.out()).contains("OK    " + root.resolve("v1") + ": version v1")
                .contains("ERROR " + root.resolve("syntax-error") + " does not compile").contains("broken.drl:7:");
        assertThat(Cli.run("rules", "validate", root.resolve("tight-cap").toString()).exit()).isZero();
    }
}
