package com.copyguard.core.rules;

import com.copyguard.core.rules.ShadowRun;
import java.util.concurrent.atomic.AtomicReference;

/**
 * The rules the engine runs: the active set (swapped atomically; each input reads it once), the
 * shadow candidate evaluated beside it, and the cache of compiled versions activation draws from.
 */
public final class ActiveRules {
    private final AtomicReference<RuleSet> current;
    private final CompiledRuleSets compiled = new CompiledRuleSets();
    private final ShadowRun shadow = new ShadowRun();

    public ActiveRules(RuleSet initial) {
        this.current = new AtomicReference<>(initial);
        compiled.remember(initial);
    }

    public RuleSet get() {
        return current.get();
    }

    /**
     * Installs {@code next}; the replaced set stays compiled in the cache for a quick way back, but its
     * idle sessions are disposed (a reactivation starts fresh ones), so only versions in use hold any.
     */
    public void swap(RuleSet next) {
        compiled.remember(next);
        RuleSet replaced = current.getAndSet(next);
        if (replaced != next && replaced != shadow.candidate()) {
            replaced.releaseSessions();
        }
    }

    public CompiledRuleSets compiled() {
        return compiled;
    }

    /** The candidate compared with the active set on live inputs (writer thread only). */
    public ShadowRun shadow() {
        return shadow;
    }
}
