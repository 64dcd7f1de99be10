package com.copyguard.core.screening;

/** Warnings the screening rules (rules/&lt;version&gt;/screening.drl) may raise about an expert. */
public enum FlagCode {
    /** Fewer trading days than the newbie threshold (30). */
    NEWBIE,
    /** Past the newbie threshold but fewer trading days than the preferred track record (60). */
    UNPROVEN,
    /** Maximum drawdown above the limit: 30 % for an expert trading only majors, 50 % otherwise. */
    DEEP_DRAWDOWN,
    /** A steady climb followed by a sudden large drop. */
    FREEFALL,
    /** Strong early gains, flat or falling in the recent weeks. */
    ROUNDED_TOP,
    /** Large daily swings in both directions. */
    HEART_MONITOR,
    /** The followers lose money in total while the expert's own return is positive. */
    FOLLOWERS_LOSING,
    /** The expert's own deposit-neutral return is not positive. */
    NOT_PROFITABLE
}
