package com.copyguard.core.model;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.TemporalAdjusters;

/** The calendar periods a loss limit counts over, in UTC+8 (the platform's day); weeks begin on Monday. */
public enum LossPeriod {
    DAY, WEEK, MONTH;

    private static final ZoneOffset UTC_PLUS_8 = ZoneOffset.ofHours(8);

    /** The start (epoch ms) of the period holding {@code time}. */
    public long startOf(long time) {
        LocalDate day = Instant.ofEpochMilli(time).atOffset(UTC_PLUS_8).toLocalDate();
        LocalDate first = switch (this) {
            case DAY -> day;
            case WEEK -> day.with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
            case MONTH -> day.withDayOfMonth(1);
        };
        return first.atStartOfDay().toInstant(UTC_PLUS_8).toEpochMilli();
    }

    /** The end (exclusive, epoch ms) of the period that starts at {@code start}. */
    public long endOf(long start) {
        LocalDate first = Instant.ofEpochMilli(start).atOffset(UTC_PLUS_8).toLocalDate();
        LocalDate next = switch (this) {
            case DAY -> first.plusDays(1);
            case WEEK -> first.plusWeeks(1);
            case MONTH -> first.plusMonths(1);
        };
        return next.atStartOfDay().toInstant(UTC_PLUS_8).toEpochMilli();
    }
}
