package com.copyguard.replay;

import com.copyguard.command.ActivateRules;
import com.copyguard.refusal.Refusal;
import com.copyguard.engine.Engine;
import com.copyguard.rules.ActiveRules;
import com.copyguard.rules.RuleCompilationException;
import com.copyguard.rules.RuleSet;
import com.copyguard.rules.RuleSetLoader;
import java.util.ArrayList;
import java.util.List;

/**
 * One replay of a recorded session through a fresh engine. "Actual" honours the rule sets the
 * recording says applied each input (journaled activations, else the version named per entry);
 * "what-if" pins one rule set and ignores the recorded activations.
 */
final class ReplayRun {
    private final Engine engine;
    private final boolean pinned;
    private final RuleSetLoader library;
    private final List<ReplayRefusal> refusals = new ArrayList<>();
    private final List<String> versionsUsed = new ArrayList<>();

    private ReplayRun(RuleSet initial, boolean pinned, RuleSetLoader library) {
        this.engine = new Engine(new ActiveRules(initial));
        this.pinned = pinned;
        this.library = library;
        versionsUsed.add(initial.version());
    }

    static ReplayRun whatIf(RuleSet rules) {
        return new ReplayRun(rules, true, null);
    }

    static ReplayRun actual(RuleSet initial, RuleSetLoader library) {
        return new ReplayRun(initial, false, library);
    }

    void replay(RecordedInput input) throws RuleCompilationException {
        for (RecordedInput.Entry e : input.entries()) {
            if (e.command() instanceof ActivateRules a) {
                if (pinned) {
                    continue;
                }
                apply(e);
                note(a.version());
                continue;
            }
            if (!pinned && e.ruleSet() != null && !e.ruleSet().equals(engine.rules().get().version())) {
                // A journal without activation entries: load the version the entry names from disk.
                engine.rules().swap(library.load(e.ruleSet()));
                note(e.ruleSet());
            }
            apply(e);
        }
    }

    private void apply(RecordedInput.Entry e) {
        try {
            engine.apply(e.command());
        } catch (Refusal x) {
            refusals.add(new ReplayRefusal(e.seq(), e.command().getClass().getSimpleName(), x.errorCode(),
                    x.getMessage()));
        }
    }

    private void note(String version) {
        if (!versionsUsed.get(versionsUsed.size() - 1).equals(version)) {
            versionsUsed.add(version);
        }
    }

    Engine engine() {
        return engine;
    }

    List<ReplayRefusal> refusals() {
        return refusals;
    }

    List<String> versionsUsed() {
        return versionsUsed;
    }
}
