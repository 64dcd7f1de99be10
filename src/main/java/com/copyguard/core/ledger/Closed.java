package com.copyguard.core.ledger;

import java.math.BigDecimal;

/** What closing part of a position did: the PnL it realized and the margin it released. */
public record Closed(BigDecimal realizedPnl, BigDecimal releasedMargin) {
}
