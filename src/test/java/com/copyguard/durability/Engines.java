package com.copyguard.durability;

import com.copyguard.durability.replay.ReplayEntry;
import com.copyguard.durability.replay.Replayer;

import com.copyguard.core.command.Command;
import com.copyguard.core.engine.Engine;
import com.copyguard.core.rules.ActiveRules;
import com.copyguard.core.rules.RuleSet;
import com.copyguard.core.rules.RuleSetLoader;
import com.copyguard.core.screening.EngineAssembly;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** Engines with the real rules from {@code rules/}, compiled once per test JVM. */
public final class Engines {
    private static RuleSet rules;

    private Engines() {
    }

    public static synchronized RuleSet rules() {
        if (rules == null) {
            try {
                Path dir = Path.of("rules");
                rules = new RuleSetLoader(dir).load(Files.readString(dir.resolve("ACTIVE")).trim());
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        }
        return rules;
    }

    public static Engine fresh() {
        return EngineAssembly.create(new ActiveRules(rules()));
    }

    /** Applies {@code c}; returns whether it changed state (a refused input changes nothing). */
    public static boolean apply(Engine e, Command c) {
        return Replayer.of(e).apply(ReplayEntry.of(0, c)) instanceof Replayer.Applied a && a.result().changed();
    }

    /** The commands that changed state while building a seeded engine: its journal, in order. */
    public record Built(Engine engine, List<Command> journal, CommandMix mix) {
    }

    public static Built build(long seed, int inputs) {
        Engine e = fresh();
        CommandMix mix = new CommandMix(seed, e, 3, 16, CommandMix.Weights.BALANCED);
        List<Command> journal = new ArrayList<>();
        for (Command c : mix.setup(3)) {
            if (apply(e, c)) {
                journal.add(c);
            }
        }
        for (int i = 0; i < inputs; i++) {
            Command c = mix.next();
            if (apply(e, c)) {
                journal.add(c);
            }
        }
        return new Built(e, journal, mix);
    }
}
