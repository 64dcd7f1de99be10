package com.copyguard.core.screening;

import java.time.LocalDate;

/** Calendar days of the platform (UTC+8, the exchanges' daily boundary) as epoch-day numbers. */
public final class TradingDay {
    private static final long DAY_MS = 86_400_000L;
    private static final long UTC_PLUS_8_MS = 8 * 3_600_000L;

    private TradingDay() {
    }

    /** The UTC+8 calendar day holding the event time {@code timeMillis}. */
    public static long of(long timeMillis) {
        return Math.floorDiv(timeMillis + UTC_PLUS_8_MS, DAY_MS);
    }

    public static String iso(long day) {
        return LocalDate.ofEpochDay(day).toString();
    }
}
