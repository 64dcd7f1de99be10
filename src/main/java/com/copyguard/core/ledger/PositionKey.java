package com.copyguard.core.ledger;

import com.copyguard.core.model.Side;

/** A subscription's copy of one expert position: positions in a shared pool stay apart per subscription. */
public record PositionKey(String subscriptionId, String symbol, Side side) {
}
