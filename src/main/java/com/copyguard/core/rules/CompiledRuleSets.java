package com.copyguard.core.rules;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Recently compiled rule sets by the fingerprint of their text. Compiling takes seconds, so the
 * HTTP side compiles a version off the writer thread and leaves it here; the engine then finds it
 * when it applies the activation. Replay of a journaled activation compiles only on a miss.
 */
public final class CompiledRuleSets {
    private static final int CAPACITY = 8;

    private final Map<String, RuleSet> byFingerprint = new LinkedHashMap<>(16, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, RuleSet> eldest) {
            if (size() > CAPACITY) {
                // a version falling out of the cache keeps no idle sessions (if it is still active,
                // its next evaluation just starts a fresh one)
                eldest.getValue().releaseSessions();
                return true;
            }
            return false;
        }
    };

    public RuleSet find(RuleSource source) {
        return get(source.fingerprint());
    }

    public void remember(RuleSet rules) {
        put(rules.source().fingerprint(), rules);
    }

    /** The compiled set for {@code source}, compiling it (outside the lock) when not cached. */
    public RuleSet compile(RuleSource source) throws RuleCompilationException {
        String fingerprint = source.fingerprint();
        RuleSet cached = get(fingerprint);
        if (cached != null) {
            return cached;
        }
        RuleSet compiled = RuleSetLoader.compile(source);
        put(fingerprint, compiled);
        return compiled;
    }

    private synchronized RuleSet get(String fingerprint) {
        return byFingerprint.get(fingerprint);
    }

    private synchronized void put(String fingerprint, RuleSet rules) {
        byFingerprint.put(fingerprint, rules);
    }
}
