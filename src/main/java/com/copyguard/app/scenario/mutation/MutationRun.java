package com.copyguard.app.scenario.mutation;

import com.copyguard.json.Json;
import com.copyguard.core.rules.RuleCompilationException;
import com.copyguard.core.rules.RuleSet;
import com.copyguard.core.rules.RuleSetLoader;
import com.copyguard.core.rules.RuleSource;
import com.copyguard.app.scenario.ScenarioResult;
import com.copyguard.app.scenario.ScenarioRunner;
import com.copyguard.app.scenario.mutation.MutantResult.Status;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;

/**
 * Mutation testing of one rule set version: makes every mutant of its DRL (see
 * {@link MutantGenerator}), compiles each with the version's other files unchanged, and runs the
 * version's scenarios against it until one fails. Mutants are tried in parallel, one per thread;
 * each tries first the scenarios in which the mutated rule fires, so a killed mutant costs one
 * compilation and usually one scenario. Mutants whose text is identical share one result.
 */
public final class MutationRun {
    private final Path folder;
    private final int threads;
    private final Set<String> onlyFiles;

    /**
     * @param threads   parallel compilations (each holds one compiled rule base in memory)
     * @param onlyFiles DRL file names to mutate (empty: all); the others stay as they are
     */
    public MutationRun(Path folder, int threads, Set<String> onlyFiles) {
        this.folder = folder;
        this.threads = Math.max(1, threads);
        this.onlyFiles = Set.copyOf(onlyFiles);
    }

    /** Why a mutation run could not start: the version does not compile or its own scenarios fail. */
    public static final class NotGreen extends Exception {
        private final List<String> lines;

        NotGreen(String message, List<String> lines) {
            super(message);
            this.lines = List.copyOf(lines);
        }

        public List<String> lines() {
            return lines;
        }
    }

    public MutationReport run(Consumer<MutantResult> progress) throws RuleCompilationException, IOException, NotGreen {
        long started = System.nanoTime();
        RuleSource source = RuleSetLoader.source(folder);
        for (String f : onlyFiles) {
            if (!source.files().containsKey(f)) {
                throw new NotGreen("no DRL file " + f + " in " + folder, List.of("files: " + source.files().keySet()));
            }
        }
        Map<String, JsonNode> scenarios = readScenarios();
        if (scenarios.isEmpty()) {
            throw new NotGreen("no scenarios in " + folder.resolve("scenarios") + ": every mutant would survive", List.of());
        }

        long compileStart = System.nanoTime();
        RuleSet original = RuleSetLoader.compile(source);
        long baselineCompileNanos = System.nanoTime() - compileStart;
        Map<String, Set<String>> firedBy = new TreeMap<>();
        List<String> red = new ArrayList<>();
        ScenarioRunner runner = new ScenarioRunner(original);
        for (Map.Entry<String, JsonNode> s : scenarios.entrySet()) {
            ScenarioResult r = runner.run(s.getKey(), s.getValue());
            firedBy.put(s.getKey(), r.rulesFired());
            if (!r.passed()) {
                red.add(s.getKey() + ": " + String.join("; ", r.failures()));
            }
        }
        if (!red.isEmpty()) {
            throw new NotGreen("the version's own scenarios fail; mutation testing needs them green", red);
        }

        List<Mutant> mutants = new ArrayList<>();
        for (Map.Entry<String, String> f : source.files().entrySet()) {
            if (onlyFiles.isEmpty() || onlyFiles.contains(f.getKey())) {
                mutants.addAll(MutantGenerator.mutants(f.getKey(), f.getValue(), mutants.size() + 1));
            }
        }

        AtomicLong compileNanos = new AtomicLong();
        AtomicLong scenarioNanos = new AtomicLong();
        Map<String, Future<MutantResult>> byText = new ConcurrentHashMap<>();
        ExecutorService pool = Executors.newFixedThreadPool(threads, r -> {
            Thread t = new Thread(r, "mutant");
            t.setDaemon(true);
            return t;
        });
        try {
            List<Map.Entry<Mutant, Future<MutantResult>>> pending = new ArrayList<>();
            for (Mutant m : mutants) {
                String mutatedText = m.apply(source.files().get(m.file()));
                Future<MutantResult> shared = byText.computeIfAbsent(m.file() + "\u0000" + mutatedText,
                        k -> pool.submit(() -> judge(source, m, mutatedText, scenarios, firedBy, compileNanos,
                                scenarioNanos)));
                pending.add(Map.entry(m, shared));
            }
            List<MutantResult> results = new ArrayList<>();
            for (Map.Entry<Mutant, Future<MutantResult>> p : pending) {
                MutantResult r = relabel(p.getKey(), p.getValue().get());
                progress.accept(r);
                results.add(r);
            }
            results.sort(Comparator.comparingInt(r -> r.mutant().id()));
            return new MutationReport(source.version(), folder, scenarios.size(), threads, onlyFiles, results,
                    System.nanoTime() - started, baselineCompileNanos, compileNanos.get(), scenarioNanos.get());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        } catch (ExecutionException e) {
            throw new IllegalStateException("a mutant could not be judged", e.getCause());
        } finally {
            pool.shutdownNow();
        }
    }

    /** A shared result (same mutated text) carried over to another mutant. */
    private static MutantResult relabel(Mutant m, MutantResult shared) {
        Status status = shared.status();
        if (status == Status.EQUIVALENT || status == Status.SURVIVED) {
            status = m.equivalentReason() != null ? Status.EQUIVALENT : Status.SURVIVED;
        }
        return new MutantResult(m, status, shared.detail(), shared.nearest());
    }

    private static MutantResult judge(RuleSource source, Mutant m, String mutatedText, Map<String, JsonNode> scenarios,
                                      Map<String, Set<String>> firedBy, AtomicLong compileNanos, AtomicLong scenarioNanos) {
        Map<String, String> files = new TreeMap<>(source.files());
        files.put(m.file(), mutatedText);
        long t0 = System.nanoTime();
        RuleSet rules;
        try {
            rules = RuleSetLoader.compile(RuleSource.of(source.version() + "-mutant-" + m.id(), source.description(), files));
        } catch (RuleCompilationException e) {
            return new MutantResult(m, Status.COMPILE_ERROR, e.messages().isEmpty() ? "" : e.messages().get(0), null);
        } catch (RuntimeException e) {
            return new MutantResult(m, Status.COMPILE_ERROR, String.valueOf(e), null);
        } finally {
            compileNanos.addAndGet(System.nanoTime() - t0);
        }
        List<String> near = nearest(m, scenarios, firedBy);
        long t1 = System.nanoTime();
        try {
            ScenarioRunner runner = new ScenarioRunner(rules);
            List<String> order = new ArrayList<>(near);
            scenarios.keySet().stream().filter(s -> !near.contains(s)).forEach(order::add);
            for (String name : order) {
                ScenarioResult r;
                try {
                    r = runner.run(name, scenarios.get(name));
                } catch (RuntimeException e) {
                    return new MutantResult(m, Status.KILLED, name + ": the scenario failed with " + e, null);
                }
                if (!r.passed()) {
                    return new MutantResult(m, Status.KILLED, name + ": " + r.failures().get(0), null);
                }
            }
        } finally {
            scenarioNanos.addAndGet(System.nanoTime() - t1);
        }
        String nearest = near.isEmpty() ? "none: no scenario fires \"" + m.rule() + "\"" : near.get(0);
        return new MutantResult(m, m.equivalentReason() != null ? Status.EQUIVALENT : Status.SURVIVED, null, nearest);
    }

    /** The scenarios in which the mutated rule fires, fewest rules fired first (the most focused). */
    private static List<String> nearest(Mutant m, Map<String, JsonNode> scenarios, Map<String, Set<String>> firedBy) {
        List<String> out = new ArrayList<>(firedBy.entrySet().stream()
                .filter(e -> e.getValue().contains(m.rule()))
                .sorted(Comparator.comparingInt((Map.Entry<String, Set<String>> e) -> e.getValue().size())
                        .thenComparing(Map.Entry::getKey))
                .map(Map.Entry::getKey).toList());
        if (out.isEmpty()) {
            // rules whose firing no output records (daily checks): scenarios naming the rule
            scenarios.forEach((name, json) -> {
                if (m.rule() != null && json.toString().contains(m.rule())) {
                    out.add(name);
                }
            });
        }
        return out;
    }

    private Map<String, JsonNode> readScenarios() throws IOException {
        Map<String, JsonNode> out = new TreeMap<>();
        for (Path file : ScenarioRunner.scenarioFiles(folder)) {
            out.put(file.getFileName().toString(), Json.MAPPER.readTree(Files.readAllBytes(file)));
        }
        return out;
    }
}
