package com.copyguard.core.rules;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** The allow-list on rule text: every real rule set passes, and each way out of the fact model is refused with its line. */
class RuleSafetyCheckTest {
    private static final String HEAD = """
            package copyguard;

            import com.copyguard.core.model.Outcome;
            import com.copyguard.core.rules.facts.OpenCopy;

            rule "r"
            when
                $c : OpenCopy( outcome == Outcome.PENDING )
            then
            """;

    private static java.util.List<String> check(String consequence) {
        return RuleSafety.violations(RuleSource.of("t", "", Map.of("t.drl", HEAD + consequence + "\nend\n")));
    }

    @Test
    void everyRealAndTestRuleSetIsWithinTheFactModel() throws Exception {
        for (Path root : new Path[] {Path.of("rules"), Path.of("src/test/resources/rule-versions")}) {
            try (Stream<Path> versions = Files.list(root)) {
                for (Path v : versions.filter(Files::isDirectory).filter(v -> !v.getFileName().toString().startsWith("unsafe"))
                        .toList()) {
                    assertThat(RuleSafety.violations(RuleSource.of(v.toString(), "", RuleSetLoader.drlFiles(v))))
                            .as(v.toString()).isEmpty();
                }
            }
        }
    }

    @Test
    void systemExitInAConsequenceIsRefusedWithItsLine() {
        assertThat(check("    System.exit(0);")).anySatisfy(m -> assertThat(m).startsWith("t.drl:10: System"));
    }

    @Test
    void fileIoIsRefusedWithItsLine() {
        assertThat(check("    java.nio.file.Files.writeString(java.nio.file.Path.of(\"x\"), \"y\");"))
                .anySatisfy(m -> assertThat(m).startsWith("t.drl:10: java.nio.file.Files"));
        assertThat(check("    new java.io.FileWriter(\"x\").close();")).anySatisfy(m -> assertThat(m).startsWith("t.drl:10:"));
        assertThat(RuleSafety.violations(RuleSource.of("t", "", Map.of("t.drl", HEAD.replace(
                "import com.copyguard.core.model.Outcome;", "import com.copyguard.core.model.Outcome;\nimport java.io.File;")
                + "    new File(\"x\").delete();\nend\n")))).anySatisfy(m -> assertThat(m).startsWith("t.drl:4: import java.io.File"));
    }

    @Test
    void reflectionThreadsClassLoadingAndTheNetworkAreRefused() {
        assertThat(check("    $c.getClass().getClassLoader();")).isNotEmpty();
        assertThat(check("    Class.forName(\"java.lang.Runtime\");")).isNotEmpty();
        assertThat(check("    Runtime.getRuntime().exec(\"rm -rf /\");")).isNotEmpty();
        assertThat(check("    new Thread(() -> {}).start();")).isNotEmpty();
        assertThat(check("    Object o = String.class;")).isNotEmpty();
        assertThat(check("    new java.net.Socket(\"example.com\", 80);")).isNotEmpty();
        assertThat(check("    kcontext.getKieRuntime().halt();")).isNotEmpty();
    }

    @Test
    void wordsInStringsAndCommentsAreNotCode() {
        assertThat(check("    // System.exit(0) would be refused\n    $c.explain(\"System.exit\", \"java.io.File\");")).isEmpty();
        assertThat(check("    java.math.BigDecimal x = java.math.BigDecimal.ONE.max(Math.abs(1) > 0 ? x : x);")).isEmpty();
    }

    @Test
    void compilingAnUnsafeSetFailsLikeACompileError() {
        assertThatThrownBy(() -> RuleSetLoader.compile(RuleSource.of("t", "", Map.of("t.drl", HEAD + "    System.exit(0);\nend\n"))))
                .isInstanceOf(RuleCompilationException.class).hasMessageContaining("t.drl:10: System");
    }
}
