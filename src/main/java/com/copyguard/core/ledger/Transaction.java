package com.copyguard.core.ledger;

import com.copyguard.core.model.TransactionType;
import java.math.BigDecimal;

/**
 * One movement of an account's balance; amount is signed (credit positive). {@code requestedBy}: who
 * asked for a deposit or withdrawal (null for movements the engine makes, and before senders were journaled).
 */
public record Transaction(long seq, long time, TransactionType type, BigDecimal amount, String subscriptionId,
                          String ref, com.copyguard.core.command.Sender requestedBy) {
}
