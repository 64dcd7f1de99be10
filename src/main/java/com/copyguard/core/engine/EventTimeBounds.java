package com.copyguard.core.engine;

import com.copyguard.core.refusal.RefusalCode;
import com.copyguard.core.refusal.InputRefused;
import java.time.Instant;

/**
 * The bounds on an input's event time that depend only on the input and the service's state (so
 * replay decides them the same way): a real instant in the years 2000–2999, and no jump of the
 * service's clock by more than {@link #MAX_JUMP_MS} at once. The wall-clock bound is checked at
 * arrival, before journaling ({@code pipeline.WallClockGuard}), because replay must never consult it.
 * Together they bound the daily checks one input can cause to {@link #MAX_JUMP_DAYS} + 1.
 */
final class EventTimeBounds {
    static final long EARLIEST = Instant.parse("2000-01-01T00:00:00Z").toEpochMilli();
    static final long LATEST_EXCLUSIVE = Instant.parse("3000-01-01T00:00:00Z").toEpochMilli();
    static final int MAX_JUMP_DAYS = 31;
    static final long MAX_JUMP_MS = MAX_JUMP_DAYS * DailyChecks.DAY_MS;

    private EventTimeBounds() {
    }

    /** Refuses {@code time} unless it is a real instant that moves {@code clock} (0: no input yet) by at most 31 days. */
    static void check(long time, long clock) {
        if (time < EARLIEST || time >= LATEST_EXCLUSIVE) {
            throw new InputRefused(RefusalCode.TIME_OUT_OF_RANGE,
                    "time " + time + " is not an instant in the years 2000-2999 (epoch milliseconds)");
        }
        if (clock > 0 && time - clock > MAX_JUMP_MS) {
            throw new InputRefused(RefusalCode.CLOCK_JUMP_TOO_LARGE, "time " + time + " is " + (time - clock)
                    + " ms after the service's clock " + clock + "; at most " + MAX_JUMP_MS + " ms ("
                    + MAX_JUMP_DAYS + " days) at once");
        }
    }
}
