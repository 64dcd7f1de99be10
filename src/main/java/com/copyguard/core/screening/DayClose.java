package com.copyguard.core.screening;

import java.math.BigDecimal;

/** The last observation of a UTC+8 day: the expert's equity and its deposit-neutral growth index. */
public record DayClose(long day, BigDecimal equity, BigDecimal index) {
}
