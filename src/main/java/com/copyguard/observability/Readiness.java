package com.copyguard.observability;

import java.util.function.BooleanSupplier;
import java.util.function.Supplier;

/**
 * Where the service is in its life: live as soon as HTTP answers, ready only once the rules are
 * compiled and the journal is replayed, and not ready again once the writer failed or shutdown
 * began. Written by the starting thread, read by HTTP probes: fields are volatile.
 */
public final class Readiness {
    /** The phases in order; only READY accepts traffic. */
    public enum Phase {
        STARTING("starting"),
        COMPILING_RULES("compiling the rule set"),
        RECOVERING("replaying the journal"),
        READY("ready"),
        STOPPING("shutting down");

        private final String description;

        Phase(String description) {
            this.description = description;
        }

        public String description() {
            return description;
        }
    }

    private volatile Phase phase = Phase.STARTING;
    private volatile BooleanSupplier writerFailed = () -> false;
    /** The input the writer is stuck on beyond its bound, or null (see pipeline.WriterWatchdog). */
    private volatile Supplier<String> writerStalledOn = () -> null;
    private volatile String ruleSet;
    private volatile long recoveredInputs;
    private volatile double recoverySeconds;

    public void compilingRules() {
        phase = Phase.COMPILING_RULES;
    }

    public void recovering(String compiledRuleSet) {
        ruleSet = compiledRuleSet;
        phase = Phase.RECOVERING;
    }

    /** Recovery replayed {@code inputs} in {@code seconds}; {@code writerFailed} tells later whether the journal broke. */
    public void ready(long inputs, double seconds, BooleanSupplier writerFailed) {
        this.recoveredInputs = inputs;
        this.recoverySeconds = seconds;
        this.writerFailed = writerFailed;
        phase = Phase.READY;
    }

    /** From now on the service is not ready while {@code stalledOn} names an input the writer is stuck on. */
    public void watchWriter(Supplier<String> stalledOn) {
        this.writerStalledOn = stalledOn;
    }

    /** The input the writer has been stuck on for longer than its bound, or null. */
    public String writerStalledOn() {
        return writerStalledOn.get();
    }

    public void stopping() {
        phase = Phase.STOPPING;
    }

    public Phase phase() {
        return phase;
    }

    public boolean isReady() {
        return phase == Phase.READY && !writerFailed.getAsBoolean() && writerStalledOn.get() == null;
    }

    /** Live unless the writer failed: a process that can no longer journal must be restarted. */
    public boolean isLive() {
        return !writerFailed.getAsBoolean();
    }

    /** Why the service is not ready, in words; null when it is. */
    public String notReadyReason() {
        if (writerFailed.getAsBoolean()) {
            return "the journal failed; the service stopped accepting inputs";
        }
        String stalled = writerStalledOn.get();
        if (stalled != null && phase == Phase.READY) {
            return "the writer is stalled: " + stalled;
        }
        return phase == Phase.READY ? null : phase.description();
    }

    public String ruleSet() {
        return ruleSet;
    }

    public long recoveredInputs() {
        return recoveredInputs;
    }

    public double recoverySeconds() {
        return recoverySeconds;
    }
}
