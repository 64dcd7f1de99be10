package com.copyguard.server;

import com.copyguard.engine.Engine;
import com.copyguard.engine.Reply;
import com.copyguard.pipeline.SingleWriter;
import com.fasterxml.jackson.databind.node.NullNode;
import com.fasterxml.jackson.databind.node.TextNode;
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
        return writer.query(e -> {
            String follower = followerOf.apply(e);
            return Reply.unchanged(follower == null ? NullNode.getInstance() : TextNode.valueOf(follower));
        }).thenApply(r -> r.body().isNull() ? null : r.body().asText());
    }
}
