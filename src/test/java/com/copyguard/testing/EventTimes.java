package com.copyguard.testing;

/**
 * Event times in tests: a real instant (SPEC.md: years 2000-2999, never ahead of the wall clock)
 * plus the offsets the tests are written in. T0 is a UTC midnight, so offsets keep the 00:00 UTC+8
 * daily-check boundaries where they were (16:00 UTC).
 */
public final class EventTimes {
    /** 2023-11-15T00:00:00Z. */
    public static final long T0 = 1_700_006_400_000L;

    private EventTimes() {
    }
}
