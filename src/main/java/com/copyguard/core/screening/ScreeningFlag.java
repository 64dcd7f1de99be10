package com.copyguard.core.screening;

/** One warning raised by a screening rule: what, how severe, which rule, and the figures behind it. */
public record ScreeningFlag(FlagCode code, Severity severity, String rule, String detail) {
}
