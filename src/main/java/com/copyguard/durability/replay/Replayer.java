package com.copyguard.durability.replay;

import com.copyguard.core.engine.Engine;
import com.copyguard.core.engine.Result;
import com.copyguard.durability.journal.Journal;
import com.copyguard.durability.journal.JournalException;
import com.copyguard.core.refusal.Refusal;
import java.util.ArrayList;
import java.util.List;

/**
 * The one driver that runs recorded inputs through an engine: recovery (a snapshot and the
 * journal's tail, or the whole journal), what-if replays, rule scenarios, tests and benchmarks.
 * Each entry is applied under the rule set {@link RuleSetInForce} says applied it; what a refusal
 * means is the caller's: recovery calls it a divergence, a what-if run reports it, a scenario may
 * expect it.
 */
public final class Replayer {
    /** What applying one entry came to. */
    public sealed interface Step {
        ReplayEntry entry();
    }

    /** The engine applied the entry (which may have changed nothing: see the result). */
    public record Applied(ReplayEntry entry, Result result) implements Step {
    }

    /** The engine refused the entry; nothing changed. */
    public record Refused(ReplayEntry entry, Refusal refusal) implements Step {
    }

    /** A pinned replay skipped a recorded activation. */
    public record Skipped(ReplayEntry entry) implements Step {
    }

    private final Engine engine;
    private final RuleSetInForce rules;

    public Replayer(Engine engine, RuleSetInForce rules) {
        this.engine = engine;
        this.rules = rules;
    }

    /** Runs as recorded: journaled activations switch the rules; entry stamps are not followed. */
    public static Replayer of(Engine engine) {
        return asRecorded(engine, null);
    }

    /**
     * Runs as recorded, starting from the engine's rules: journaled activations switch them, and with
     * {@code versions} each entry stamped with another version runs under it (one that cannot be
     * loaded runs under the activated rules, with a warning: recovery's policy).
     */
    public static Replayer asRecorded(Engine engine, RuleVersions versions) {
        return new Replayer(engine, RuleSetInForce.asRecorded(engine.rules().get(), versions,
                RuleSetInForce.Unavailable.REPLAY_UNDER_ACTIVATED));
    }

    public Engine engine() {
        return engine;
    }

    public RuleSetInForce rules() {
        return rules;
    }

    /** Applies {@code e} under the rule set in force for it; a refusal is returned, not thrown. */
    public Step apply(ReplayEntry e) {
        if (!rules.applies(e)) {
            return new Skipped(e);
        }
        rules.before(e, engine.rules());
        Result reply;
        try {
            reply = engine.apply(e.command(), e.sender());
        } catch (Refusal refused) {
            return new Refused(e, refused);
        }
        rules.after(e, engine.rules());
        return new Applied(e, reply);
    }

    /** Applies every entry in order; returns the steps (refusals included). */
    public List<Step> applyAll(List<ReplayEntry> entries) {
        List<Step> steps = new ArrayList<>(entries.size());
        try {
            for (ReplayEntry e : entries) {
                steps.add(apply(e));
            }
            return steps;
        } finally {
            rules.settle(engine.rules());
        }
    }

    /**
     * The starting point of a replay from a snapshot at {@code seq}, restored into this engine: the
     * activation in force there is applied again (it only swaps the rules).
     */
    public void startAt(Journal journal, long seq) throws JournalException {
        RuleSetInForce.activationAt(journal, seq).ifPresent(a -> {
            Step s = apply(a);
            if (s instanceof Refused r) {
                throw new ReplayDivergedException(a.seq(), r.refusal());
            }
        });
    }

    /**
     * Replays every journal entry after {@code afterSeq}. Every entry changed state when it was first
     * applied, so one that is refused or fails now throws {@link ReplayDivergedException}. Afterwards
     * the rules in force are those the journal's activations left.
     */
    public long replay(Journal journal, long afterSeq) throws JournalException {
        long[] count = {0};
        try {
            journal.readAfter(afterSeq, entry -> {
                Step s;
                try {
                    s = apply(ReplayEntry.of(entry));
                } catch (RuntimeException e) {
                    throw new ReplayDivergedException(entry.seq(), e);
                }
                if (s instanceof Refused r) {
                    throw new ReplayDivergedException(entry.seq(), r.refusal());
                }
                count[0]++;
            });
        } finally {
            rules.settle(engine.rules());
        }
        return count[0];
    }
}
