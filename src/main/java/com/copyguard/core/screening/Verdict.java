package com.copyguard.core.screening;

/** The screening rules' advice to a follower about an expert. */
public enum Verdict {
    RECOMMENDED,
    CAUTION,
    AVOID
}
