package com.copyguard.app.scenario.mutation;

import com.copyguard.app.scenario.mutation.MutantResult.Status;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/** The outcome of a mutation run: every mutant's result, the counts, the time it took, printable. */
public record MutationReport(String version, Path folder, int scenarios, int threads, Set<String> onlyFiles,
                             List<MutantResult> results, long elapsedNanos, long baselineCompileNanos,
                             long compileNanos, long scenarioNanos) {

    public long count(Status status) {
        return results.stream().filter(r -> r.status() == status).count();
    }

    public List<MutantResult> with(Status status) {
        return results.stream().filter(r -> r.status() == status).toList();
    }

    /** Killed (by a scenario or the compiler) over all mutants that are not annotated equivalent. */
    public double killRate() {
        long judged = results.size() - count(Status.EQUIVALENT);
        return judged == 0 ? 1.0 : (count(Status.KILLED) + count(Status.COMPILE_ERROR)) / (double) judged;
    }

    public boolean allKilled() {
        return count(Status.SURVIVED) == 0;
    }

    public void print(PrintWriter out, boolean verbose) {
        out.printf("Mutation testing rule set %s (%s)%s: %d mutants, %d scenarios, %d threads%n", version, folder,
                onlyFiles.isEmpty() ? "" : " files " + String.join(", ", new java.util.TreeSet<>(onlyFiles)),
                results.size(), scenarios, threads);
        if (verbose) {
            section(out, "Killed by a scenario", Status.KILLED, r -> "by " + r.detail());
        }
        section(out, "Killed by the compiler (the mutant does not compile)", Status.COMPILE_ERROR, MutantResult::detail);
        section(out, "Equivalent (annotated in the DRL: mutation-equivalent)", Status.EQUIVALENT,
                r -> "because " + r.mutant().equivalentReason());
        for (MutantResult r : results) {
            if (r.wronglyAnnotated() && r.status() == Status.KILLED) {
                out.printf("  WARNING %s is annotated equivalent (%s) but a scenario kills it: %s%n",
                        describe(r.mutant()), r.mutant().equivalentReason(), r.detail());
            }
        }
        section(out, "SURVIVED (no scenario fails: pin the change with a scenario, or annotate why it is equivalent)",
                Status.SURVIVED, r -> "nearest scenario: " + r.nearest());
        out.println("By file (killed/mutants):");
        Map<String, long[]> byFile = new TreeMap<>();
        for (MutantResult r : results) {
            long[] c = byFile.computeIfAbsent(r.mutant().file(), f -> new long[3]);
            c[1]++;
            if (r.status() == Status.KILLED || r.status() == Status.COMPILE_ERROR) {
                c[0]++;
            } else if (r.status() == Status.SURVIVED) {
                c[2]++;
            }
        }
        byFile.forEach((f, c) -> out.printf("  %-18s %3d/%-3d%s%n", f, c[0], c[1], c[2] == 0 ? "" : "  " + c[2] + " survived"));
        out.printf(Locale.ROOT, "Mutants: %d; killed by scenarios %d, by the compiler %d; equivalent %d; survived %d; "
                        + "kill rate %.1f %%%n", results.size(), count(Status.KILLED), count(Status.COMPILE_ERROR),
                count(Status.EQUIVALENT), count(Status.SURVIVED), killRate() * 100);
        out.printf(Locale.ROOT, "Run time %.1f s (compiling the original %.1f s; compiling mutants %.1f s and running "
                        + "scenarios %.1f s, summed over %d threads)%n", elapsedNanos / 1e9, baselineCompileNanos / 1e9,
                compileNanos / 1e9, scenarioNanos / 1e9, threads);
        out.println(allKilled() ? "RESULT: no mutant survived" : "RESULT: " + count(Status.SURVIVED) + " mutants survived");
        out.flush();
    }

    private void section(PrintWriter out, String title, Status status, java.util.function.Function<MutantResult, String> why) {
        List<MutantResult> list = with(status);
        if (list.isEmpty()) {
            return;
        }
        out.printf("%s (%d):%n", title, list.size());
        for (MutantResult r : list) {
            out.printf("  %-9s %s%n            %s%n", status == Status.COMPILE_ERROR ? "COMPILER" : status.name(),
                    describe(r.mutant()), why.apply(r));
        }
    }

    static String describe(Mutant m) {
        return String.format(Locale.ROOT, "#%d %s:%d:%d %s `%s` in \"%s\"", m.id(), m.file(), m.line(), m.column(),
                m.kind().label(), m.change(), m.rule());
    }
}
