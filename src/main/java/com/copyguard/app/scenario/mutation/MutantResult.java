package com.copyguard.app.scenario.mutation;

/**
 * What became of one mutant. {@code detail} is the scenario that killed it and its first mismatch,
 * or the compiler's first message; {@code nearest} the scenario closest to the mutated rule (one in
 * which that rule fires), for survivors.
 */
public record MutantResult(Mutant mutant, Status status, String detail, String nearest) {

    public enum Status {
        /** A scenario failed on the mutant. */
        KILLED,
        /** The mutant does not compile. */
        COMPILE_ERROR,
        /** Every scenario passed: no scenario pins this change. */
        SURVIVED,
        /** Every scenario passed, and the DRL says why no decision can change. */
        EQUIVALENT
    }

    /** An annotated mutant that a scenario killed all the same: the annotation is wrong. */
    public boolean wronglyAnnotated() {
        return mutant.equivalentReason() != null && status != Status.EQUIVALENT;
    }
}
