package com.copyguard.durability.replay;

import com.copyguard.core.command.ActivateRules;
import com.copyguard.durability.journal.Journal;
import com.copyguard.durability.journal.JournalException;
import com.copyguard.core.rules.ActiveRules;
import com.copyguard.core.rules.RuleCompilationException;
import com.copyguard.core.rules.RuleSet;
import com.copyguard.core.rules.RuleSetLoader;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The one answer to "which rule set applied entry N" while replaying. Two things in a recording
 * say so. Journaled activations ({@link ActivateRules}) switch the rules as they did live, and the
 * switch lasts. The version each entry is stamped with covers recordings whose activations were
 * not journaled: an entry stamped with another version than the activated one runs under that
 * version, loaded by name, and only that entry does. A replay that starts from a snapshot at seq S
 * starts under the activation in force at S ({@link #activationAt}). A pinned replay (what-if)
 * keeps its rules and skips recorded activations.
 */
public final class RuleSetInForce {
    private static final Logger LOG = LoggerFactory.getLogger(RuleSetInForce.class);

    /** What to do with an entry stamped with a version that cannot be loaded. */
    public enum Unavailable {
        /** Replay it under the rules activated so far, with a warning (recovery: the journal is the truth). */
        REPLAY_UNDER_ACTIVATED,
        /** Stop with {@link UnavailableRuleVersionException} (a what-if must not compare against a guess). */
        FAIL
    }

    private final boolean pinned;
    private final RuleVersions versions;
    private final Unavailable unavailable;
    private final Map<String, RuleSet> loaded = new HashMap<>();
    private final Set<String> missing = new HashSet<>();
    private final List<String> used = new ArrayList<>();
    private RuleSet activated;

    private RuleSetInForce(RuleSet starting, boolean pinned, RuleVersions versions, Unavailable unavailable) {
        this.activated = starting;
        this.pinned = pinned;
        this.versions = versions;
        this.unavailable = unavailable;
        loaded.put(starting.version(), starting);
        used.add(starting.version());
    }

    /**
     * Follows the recording: its activations, and with {@code versions} (null: activations only)
     * the version each entry is stamped with.
     */
    public static RuleSetInForce asRecorded(RuleSet starting, RuleVersions versions, Unavailable unavailable) {
        return new RuleSetInForce(starting, false, versions, unavailable);
    }

    /** Keeps {@code rules} for every entry and skips the recording's activations. */
    public static RuleSetInForce pinned(RuleSet rules) {
        return new RuleSetInForce(rules, true, null, Unavailable.FAIL);
    }

    /** Whether {@code e} is applied at all: a pinned replay skips recorded activations. */
    boolean applies(ReplayEntry e) {
        return !(pinned && e.command() instanceof ActivateRules);
    }

    /** Installs the rule set in force for {@code e}, just before it is applied. */
    void before(ReplayEntry e, ActiveRules active) {
        if (e.command() instanceof ActivateRules) {
            return;
        }
        RuleSet want = activated;
        if (!pinned && versions != null && e.ruleSet() != null && !e.ruleSet().equals(activated.version())) {
            RuleSet stamped = load(e.ruleSet());
            if (stamped != null) {
                want = stamped;
            }
        }
        if (active.get() != want) {
            active.swap(want);
        }
        note(want.version());
    }

    /** After {@code e} was applied: an activation switched the rules, and they stay switched. */
    void after(ReplayEntry e, ActiveRules active) {
        if (e.command() instanceof ActivateRules) {
            activated = active.get();
            loaded.put(activated.version(), activated);
            note(activated.version());
        }
    }

    /** Puts back the rules the activations left: a version loaded for stamped entries ran only those. */
    void settle(ActiveRules active) {
        if (active.get() != activated) {
            active.swap(activated);
        }
    }

    /** The versions that applied entries, in order, each run of entries under one version named once. */
    public List<String> versionsUsed() {
        return List.copyOf(used);
    }

    private void note(String version) {
        if (!used.get(used.size() - 1).equals(version)) {
            used.add(version);
        }
    }

    private RuleSet load(String version) {
        if (missing.contains(version)) {
            return null;
        }
        RuleSet known = loaded.get(version);
        if (known != null) {
            return known;
        }
        try {
            LOG.info("replaying entries of rule set {} under that rule set", version);
            RuleSet rs = versions.load(version);
            loaded.put(version, rs);
            return rs;
        } catch (Exception e) {
            if (unavailable == Unavailable.FAIL) {
                throw new UnavailableRuleVersionException(version, e);
            }
            missing.add(version);
            LOG.warn("rule set {} recorded in the journal cannot be loaded ({}); its entries are replayed under the "
                    + "activated rules", version, e.getMessage());
            return null;
        }
    }

    /**
     * The activation in force at journal entry {@code seq}: the last one at or before it. A snapshot
     * holds state, not wiring, so recovery from a snapshot at {@code seq} applies it again first.
     */
    public static Optional<ReplayEntry> activationAt(Journal journal, long seq) throws JournalException {
        return journal.lastOfType("ActivateRules", seq).map(ReplayEntry::of);
    }

    /**
     * The rule set in force at a recording's first entry, as far as the recording says: its first
     * activation's text, else the version its first stamped entry names; empty when it says nothing.
     */
    public static Optional<RuleSet> atStart(List<ReplayEntry> entries, RuleVersions versions)
            throws RuleCompilationException {
        for (ReplayEntry e : entries) {
            if (e.command() instanceof ActivateRules a) {
                return Optional.of(RuleSetLoader.compile(a.source()));
            }
            if (e.ruleSet() != null) {
                try {
                    return Optional.of(versions.load(e.ruleSet()));
                } catch (RuleCompilationException x) {
                    throw x;
                } catch (Exception x) {
                    throw new UnavailableRuleVersionException(e.ruleSet(), x);
                }
            }
        }
        return Optional.empty();
    }
}
