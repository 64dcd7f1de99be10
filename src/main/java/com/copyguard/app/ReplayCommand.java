package com.copyguard.app;

import com.copyguard.json.Json;
import com.copyguard.durability.journal.JournalException;
import com.copyguard.durability.replay.RecordedInput;
import com.copyguard.durability.replay.ReplayComparison;
import com.copyguard.durability.replay.ReplayReport;
import com.copyguard.durability.replay.WhatIfReplay;
import com.copyguard.core.rules.RuleCompilationException;
import com.copyguard.core.rules.RuleSet;
import com.copyguard.core.rules.RuleSetLoader;
import com.fasterxml.jackson.core.JsonProcessingException;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code copyguard replay --data-dir DIR --rules rules/<v>}: what would a rule set have done? Replays
 * a recorded session as it ran and under the given rules, and prints per follower the PnL and
 * decision differences. Reads the journal only; safe beside a running service.
 */
@Command(name = "replay", mixinStandardHelpOptions = true,
        description = "Replay a journal (or a JSON-lines file of commands) under a rule set and print, per follower, "
                + "the PnL and decision differences against what actually happened.")
public final class ReplayCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    static final class Source {
        @Option(names = "--data-dir", description = "Data directory whose journal.db is replayed")
        Path dataDir;

        @Option(names = "--input", description = "JSON-lines file of commands (journal payload format) instead of a journal")
        Path input;
    }

    @ArgGroup(exclusive = true, multiplicity = "1")
    Source source;

    @Option(names = "--rules", required = true, description = "The what-if rule set version folder, e.g. rules/v2")
    Path rules;

    @Option(names = "--rules-dir", description = "Where versions named by the recording live (default: the parent of --rules)")
    Path rulesDir;

    @Option(names = "--baseline", description = "Rule set folder for the actual run when the recording does not carry its rules")
    Path baseline;

    @Option(names = "--json", description = "Print the comparison as JSON")
    boolean json;

    @Override
    public Integer call() throws IOException, JournalException {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        RecordedInput recorded = source.dataDir != null ? RecordedInput.fromJournal(source.dataDir)
                : RecordedInput.fromJsonLines(source.input);
        Path root = rulesDir != null ? rulesDir : rules.toAbsolutePath().getParent();
        try {
            RuleSet whatIf = RuleSetLoader.loadFolder(rules);
            RuleSet base = baseline == null ? null : RuleSetLoader.loadFolder(baseline);
            ReplayComparison c = WhatIfReplay.run(recorded, whatIf, new RuleSetLoader(root), base);
            if (json) {
                out.println(pretty(ReplayReport.json(c)));
                out.flush();
            } else {
                ReplayReport.text(c, out);
            }
            return 0;
        } catch (RuleCompilationException e) {
            err.println("a rule set does not compile:");
            e.messages().forEach(m -> err.println("  " + m));
            err.flush();
            return 2;
        }
    }

    private static String pretty(Object node) throws JsonProcessingException {
        return Json.MAPPER.writerWithDefaultPrettyPrinter().writeValueAsString(node);
    }
}
