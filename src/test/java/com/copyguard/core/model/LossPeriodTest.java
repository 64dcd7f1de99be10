package com.copyguard.core.model;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.OffsetDateTime;
import org.junit.jupiter.api.Test;

/** Loss-limit periods are UTC+8 days, weeks from Monday and calendar months. */
class LossPeriodTest {
    private static long at(String isoWithOffset) {
        return OffsetDateTime.parse(isoWithOffset).toInstant().toEpochMilli();
    }

    @Test
    void dayStartsAtMidnightUtcPlus8() {
        long justBefore = at("2023-11-14T15:59:59.999Z");   // 23:59:59.999 on the 14th in UTC+8
        assertThat(LossPeriod.DAY.startOf(justBefore)).isEqualTo(at("2023-11-14T00:00+08:00"));
        assertThat(LossPeriod.DAY.startOf(justBefore + 1)).isEqualTo(at("2023-11-15T00:00+08:00"));
        assertThat(LossPeriod.DAY.endOf(at("2023-11-15T00:00+08:00"))).isEqualTo(at("2023-11-16T00:00+08:00"));
    }

    @Test
    void weekStartsOnMonday() {
        assertThat(LossPeriod.WEEK.startOf(at("2023-11-19T23:59+08:00"))).isEqualTo(at("2023-11-13T00:00+08:00"));  // Sunday
        assertThat(LossPeriod.WEEK.startOf(at("2023-11-20T00:00+08:00"))).isEqualTo(at("2023-11-20T00:00+08:00"));  // Monday
        assertThat(LossPeriod.WEEK.endOf(at("2023-11-13T00:00+08:00"))).isEqualTo(at("2023-11-20T00:00+08:00"));
    }

    @Test
    void monthStartsOnTheFirst() {
        assertThat(LossPeriod.MONTH.startOf(at("2024-02-29T12:00+08:00"))).isEqualTo(at("2024-02-01T00:00+08:00"));
        assertThat(LossPeriod.MONTH.endOf(at("2024-02-01T00:00+08:00"))).isEqualTo(at("2024-03-01T00:00+08:00"));
        assertThat(LossPeriod.MONTH.startOf(at("2024-02-29T16:00Z"))).isEqualTo(at("2024-03-01T00:00+08:00"));
    }
}
