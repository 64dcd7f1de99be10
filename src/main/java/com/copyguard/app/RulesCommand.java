package com.copyguard.app;

import com.copyguard.json.Json;
import com.copyguard.core.rules.RuleCompilationException;
import com.copyguard.core.rules.RuleSet;
import com.copyguard.core.rules.RuleSetLoader;
import com.copyguard.app.scenario.ScenarioRunner;
import com.copyguard.app.scenario.ScenarioSuite;
import com.copyguard.app.scenario.mutation.MutationReport;
import com.copyguard.app.scenario.mutation.MutationRun;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code copyguard rules test|validate rules/<version>...}: the rule author's checks, no service needed. */
@Command(name = "rules", mixinStandardHelpOptions = true,
        description = "Check rule set versions: compile them, run their scenarios.",
        subcommands = {RulesCommand.Test.class, RulesCommand.Validate.class})
public final class RulesCommand implements Runnable {
    @Spec
    CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    /** The shared shape of the offline tools: a list of version folders, each checked in turn. */
    abstract static class FolderCommand implements Callable<Integer> {
        @Spec
        CommandSpec spec;

        @Parameters(arity = "1..*", paramLabel = "FOLDER", description = "Rule set version folders, e.g. rules/v1")
        List<Path> folders;

        @Override
        public final Integer call() throws IOException {
            PrintWriter out = spec.commandLine().getOut();
            int exit = 0;
            for (Path folder : folders) {
                try {
                    exit = Math.max(exit, check(out, folder));
                } catch (RuleCompilationException e) {
                    printCompileErrors(out, folder, e);
                    exit = 2;
                }
            }
            out.flush();
            return exit;
        }

        /** Checks one folder; returns its exit code (0 fine, 1 something failed). */
        abstract int check(PrintWriter out, Path folder) throws RuleCompilationException, IOException;
    }

    @Command(name = "test", mixinStandardHelpOptions = true,
            description = {"Compile each version and run its scenarios/*.json; exit 1 if any scenario fails, 2 if a version does not compile.",
                    "With --mutations: mutation testing (rules/README.md); exit 1 if any mutant survives."})
    static final class Test extends FolderCommand {
        @Option(names = "--mutations", description = "Mutate every threshold, comparison, condition and reason code of "
                + "the DRL and run the scenarios against each mutant; report the survivors")
        boolean mutations;

        @Option(names = "--threads", description = "Mutants compiled and tested in parallel (default: the available cores)")
        Integer threads;

        @Option(names = "--file", split = ",", paramLabel = "DRL",
                description = "Mutate only these DRL files of the version, e.g. money.drl (default: all)")
        Set<String> files = new TreeSet<>();

        @Option(names = "--verbose", description = "With --mutations: list killed mutants too, with the scenario that killed each")
        boolean verbose;

        @Override
        int check(PrintWriter out, Path folder) throws RuleCompilationException, IOException {
            if (mutations) {
                return mutate(out, folder);
            }
            ScenarioSuite suite = ScenarioSuite.run(folder);
            suite.print(out);
            return suite.passed() ? 0 : 1;
        }

        private int mutate(PrintWriter out, Path folder) throws RuleCompilationException, IOException {
            int n = threads != null ? threads : Runtime.getRuntime().availableProcessors();
            try {
                MutationReport report = new MutationRun(folder, n, files).run(r -> { });
                report.print(out, verbose);
                return report.allKilled() ? 0 : 1;
            } catch (MutationRun.NotGreen e) {
                out.println("ERROR " + folder + ": " + e.getMessage());
                e.lines().forEach(l -> out.println("      " + l));
                return 1;
            }
        }
    }

    @Command(name = "validate", mixinStandardHelpOptions = true,
            description = "Compile each version and check its scenario files are readable; exit 2 if a version does not compile.")
    static final class Validate extends FolderCommand {
        @Override
        int check(PrintWriter out, Path folder) throws RuleCompilationException, IOException {
            int exit = 0;
            RuleSet rules = RuleSetLoader.loadFolder(folder);
            out.printf("OK    %s: version %s, %d rules (%s)%n", folder, rules.version(), rules.ruleCount(),
                    rules.description());
            if (!rules.version().equals(folder.getFileName().toString())) {
                out.printf("      warning: manifest version '%s' differs from the folder name '%s'%n",
                        rules.version(), folder.getFileName());
            }
            for (Path scenario : ScenarioRunner.scenarioFiles(folder)) {
                try {
                    Json.MAPPER.readTree(Files.readAllBytes(scenario));
                } catch (IOException e) {
                    out.printf("      scenario %s is not valid JSON: %s%n", scenario.getFileName(), e.getMessage());
                    exit = 1;
                }
            }
            return exit;
        }
    }

    static void printCompileErrors(PrintWriter out, Path folder, RuleCompilationException e) {
        out.printf("ERROR %s does not compile (%d messages):%n", folder, e.messages().size());
        e.messages().forEach(m -> out.println("      " + m));
    }
}
