package com.copyguard.app.scenario;

import com.copyguard.core.engine.DecisionRecord;
import com.copyguard.core.rules.RuleCompilationException;
import com.copyguard.core.rules.RuleSet;
import com.copyguard.core.rules.RuleSetLoader;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** Every scenario of one rule set version, compiled once, with a readable report. */
public record ScenarioSuite(Path folder, RuleSet rules, List<ScenarioResult> results) {

    /** Compiles the version folder and runs each of its scenarios in a fresh engine. */
    public static ScenarioSuite run(Path versionFolder) throws RuleCompilationException, IOException {
        RuleSet rules = RuleSetLoader.loadFolder(versionFolder);
        List<ScenarioResult> results = new ArrayList<>();
        ScenarioRunner runner = new ScenarioRunner(rules);
        for (Path file : ScenarioRunner.scenarioFiles(versionFolder)) {
            results.add(runner.run(file));
        }
        return new ScenarioSuite(versionFolder, rules, List.copyOf(results));
    }

    public long failed() {
        return results.stream().filter(r -> !r.passed()).count();
    }

    public boolean passed() {
        return failed() == 0;
    }

    public void print(PrintWriter out) {
        out.printf("Rule set %s (%s): %s%n", rules.version(), folder, rules.description());
        out.printf("  %d rules compiled; %d scenarios in %s%n", rules.ruleCount(), results.size(),
                folder.resolve("scenarios"));
        int width = results.stream().mapToInt(r -> r.name().length()).max().orElse(10);
        for (ScenarioResult r : results) {
            out.printf("  %s  %-" + width + "s  %s%n", r.passed() ? "PASS" : "FAIL", r.name(), r.description());
            if (!r.passed()) {
                for (String f : r.failures()) {
                    out.println("        - " + f);
                }
                for (DecisionRecord d : r.decisions()) {
                    out.println("          " + r.subscriptionNames().getOrDefault(d.subscriptionId(), d.subscriptionId())
                            + " on " + d.fillId() + ": "
                            + ScenarioRunner.describe(d) + "; " + ScenarioRunner.trace(d));
                }
            }
        }
        if (results.isEmpty()) {
            out.println("  (no scenarios: add JSON files under " + folder.resolve("scenarios") + ")");
        }
        out.printf("%d scenarios: %d passed, %d failed%n", results.size(), results.size() - failed(), failed());
        out.flush();
    }
}
