package com.copyguard.durability.writer;

import com.copyguard.core.refusal.RefusalCode;
import com.copyguard.core.refusal.InputRefused;
import com.copyguard.core.command.Command;
import java.time.Clock;
import java.time.Duration;

/**
 * Refuses an input whose event time is further ahead of the wall clock than allowed (SPEC.md
 * "Prices, marks and time"). Checked when the input arrives, before it is applied or journaled, so
 * a journaled input has passed it and replay never consults the wall clock.
 */
public final class WallClockGuard {
    /** SPEC.md's default: 5 minutes. */
    public static final Duration DEFAULT_MAX_AHEAD = Duration.ofMinutes(5);
    public static final WallClockGuard DEFAULT = new WallClockGuard(DEFAULT_MAX_AHEAD, Clock.systemUTC());

    private final long maxAheadMs;
    private final Clock wallClock;

    public WallClockGuard(Duration maxAhead, Clock wallClock) {
        if (maxAhead.isNegative()) {
            throw new IllegalArgumentException("the allowed time ahead of the wall clock must not be negative");
        }
        this.maxAheadMs = maxAhead.toMillis();
        this.wallClock = wallClock;
    }

    public static WallClockGuard allowing(Duration maxAhead) {
        return new WallClockGuard(maxAhead, Clock.systemUTC());
    }

    public long maxAheadMs() {
        return maxAheadMs;
    }

    /** Throws 400 {@code TIME_AHEAD_OF_WALL_CLOCK} when the command's event time is too far ahead. */
    public void check(Command command) {
        Long time = command.eventTime();
        if (time == null) {
            return;
        }
        long now = wallClock.millis();
        // compared as a difference: no overflow near Long.MAX_VALUE
        if (time - now > maxAheadMs) {
            throw new InputRefused(RefusalCode.TIME_AHEAD_OF_WALL_CLOCK, "time " + time + " is " + (time - now)
                    + " ms ahead of the wall clock; at most " + maxAheadMs + " ms allowed");
        }
    }
}
