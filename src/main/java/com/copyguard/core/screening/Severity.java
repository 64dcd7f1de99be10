package com.copyguard.core.screening;

/** How much a flag weighs in the verdict; the rule raising a flag chooses its severity. */
public enum Severity {
    WARNING,
    CRITICAL
}
