package com.copyguard.rules;

import java.util.concurrent.atomic.AtomicReference;

/** The rule set currently deciding. Swapped atomically; each input reads it once. */
public final class ActiveRules {
    private final AtomicReference<RuleSet> current;

    public ActiveRules(RuleSet initial) {
        this.current = new AtomicReference<>(initial);
    }

    public RuleSet get() {
        return current.get();
    }

    /** Installs {@code next} and frees the module of the one it replaces. */
    public void swap(RuleSet next) {
        RuleSet old = current.getAndSet(next);
        if (old != null && old != next) {
            RuleSetLoader.release(old);
        }
    }
}
