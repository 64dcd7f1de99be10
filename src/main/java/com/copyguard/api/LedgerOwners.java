package com.copyguard.api;

import com.copyguard.core.engine.Engine;
import com.copyguard.durability.writer.SingleWriter;
import java.util.concurrent.CompletableFuture;
import java.util.function.Function;

/** Who owns a subscription or account, read from the ledger between two inputs on the writer thread. */
final class LedgerOwners implements AccessControl.Owners {
    private final SingleWriter writer;

    LedgerOwners(SingleWriter writer) {
        this.writer = writer;
    }

    @Override
    public CompletableFuture<String> ofSubscription(String id) {
        return read(e -> e.ledger().subscription(id) == null ? null : e.ledger().subscription(id).followerId());
    }

    @Override
    public CompletableFuture<String> ofAccount(String id) {
        return read(e -> e.ledger().account(id) == null ? null : e.ledger().account(id).followerId());
    }

    private CompletableFuture<String> read(Function<Engine, String> followerOf) {
        return writer.query(followerOf);
    }
}
