package com.copyguard.ledger;

import com.copyguard.domain.TransactionType;
import java.math.BigDecimal;

/** One movement of an account's balance; amount is signed (credit positive). */
public record Transaction(long seq, long time, TransactionType type, BigDecimal amount, String subscriptionId,
                          String ref) {
}
