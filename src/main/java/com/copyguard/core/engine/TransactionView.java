package com.copyguard.core.engine;

import com.copyguard.core.command.Sender;
import com.copyguard.core.model.TransactionType;
import com.copyguard.core.ledger.Transaction;
import java.math.BigDecimal;

/** One movement of an account; {@code subscriptionId}, {@code ref} and {@code requestedBy} only where known. */
public record TransactionView(long seq, long time, TransactionType type, BigDecimal amount, String subscriptionId,
                              String ref, Sender requestedBy) {
    public static TransactionView of(Transaction t) {
        return new TransactionView(t.seq(), t.time(), t.type(), t.amount(), t.subscriptionId(), t.ref(), t.requestedBy());
    }
}
