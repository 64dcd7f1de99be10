package com.copyguard.app.scenario.mutation;

/** The kinds of change a mutant makes; the lower-case name is what annotations and reports use. */
public enum MutantKind {
    /** A numeric literal (or a decimal written as a string for {@code Decimals.of}) nudged up or down. */
    NUMBER,
    /** A comparison flipped to its boundary twin: {@code >} ↔ {@code >=}, {@code <} ↔ {@code <=}. */
    OPERATOR,
    /** One constraint of a pattern negated. */
    NEGATION,
    /** {@code true} ↔ {@code false}. */
    BOOLEAN,
    /** A reason (or flag) code swapped for another of its enum. */
    REASON;

    public String label() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }
}
