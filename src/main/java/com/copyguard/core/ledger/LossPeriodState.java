package com.copyguard.core.ledger;

import com.copyguard.core.model.LossPeriod;
import java.math.BigDecimal;

/** One loss-limit period of a subscription: where it started and whether the limit was reached in it. */
public record LossPeriodState(LossPeriod period, long start, long end, BigDecimal startPnl, BigDecimal startEquity,
                              boolean reached) {
}
