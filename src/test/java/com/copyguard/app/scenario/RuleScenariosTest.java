package com.copyguard.app.scenario;

import static org.junit.jupiter.api.Assertions.fail;

import com.copyguard.core.rules.RuleSet;
import com.copyguard.core.rules.RuleSetLoader;
import com.copyguard.testing.TestRuleVersions;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicContainer;
import org.junit.jupiter.api.DynamicNode;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * Every scenario of every rule set version under {@code rules/}, one dynamic test each: a rule
 * author's new scenario file is part of the build without touching Java.
 */
class RuleScenariosTest {

    @TestFactory
    List<DynamicNode> everyScenarioOfEveryVersion() throws Exception {
        List<DynamicNode> versions = new ArrayList<>();
        try (Stream<Path> dirs = Files.list(TestRuleVersions.REAL_RULES)) {
            for (Path folder : dirs.filter(d -> Files.isRegularFile(d.resolve("manifest.properties"))).sorted().toList()) {
                List<Path> files = ScenarioRunner.scenarioFiles(folder);
                if (files.isEmpty()) {
                    continue;
                }
                RuleSet rules = RuleSetLoader.loadFolder(folder);
                ScenarioRunner runner = new ScenarioRunner(rules);
                List<DynamicTest> tests = new ArrayList<>();
                for (Path file : files) {
                    tests.add(DynamicTest.dynamicTest(file.getFileName().toString(), file.toUri(), () -> {
                        ScenarioResult r = runner.run(file);
                        if (!r.passed()) {
                            fail(r.description() + "\n  " + String.join("\n  ", r.failures()));
                        }
                    }));
                }
                versions.add(DynamicContainer.dynamicContainer(folder.getFileName().toString(), tests));
            }
        }
        if (versions.isEmpty()) {
            fail("no rule set version under " + TestRuleVersions.REAL_RULES + " has scenarios");
        }
        return versions;
    }
}
