package com.copyguard.cluster.ingress;

import com.copyguard.api.CommandEdge;
import com.copyguard.cluster.RuleRecord;
import com.copyguard.cluster.ShardReply;
import com.copyguard.core.command.Sender;
import com.copyguard.core.rules.RuleSource;
import java.util.List;
import java.util.concurrent.CompletableFuture;

/**
 * Rule proposals and shadow runs in cluster mode. The ingress keeps nothing: a proposal step is an
 * input on cg.seq that every shard applies to its own copy of the proposal table (so any ingress
 * reads and decides the same proposals, and they survive restarts with the shards' snapshots and
 * logs); the proposal table is read from shard 0. A shadow step goes through cg.seq too, as a read,
 * so every shard starts, reports and stops at the same point of the market's order; their reports
 * are summed ({@link ShadowMerge}). Every answer comes after the shards committed.
 */
final class ClusterRuleAuthoring implements CommandEdge.RuleAuthoring {
    private final ClusterGateway gateway;

    ClusterRuleAuthoring(ClusterGateway gateway) {
        this.gateway = gateway;
    }

    @Override
    public CompletableFuture<CommandEdge.Answer> propose(RuleSource source, Sender by) {
        // the time is stamped here, once, so every shard records the same
        return input(new RuleRecord(RuleRecord.Kind.PROPOSE, null, source, source.fingerprint(),
                System.currentTimeMillis(), by));
    }

    @Override
    public CompletableFuture<CommandEdge.Answer> proposals() {
        return read(RuleRecord.of(RuleRecord.Kind.LIST_PROPOSALS));
    }

    @Override
    public CompletableFuture<CommandEdge.Answer> proposal(String proposalId) {
        return read(new RuleRecord(RuleRecord.Kind.PROPOSAL, proposalId, null, null, 0, null));
    }

    @Override
    public CompletableFuture<CommandEdge.Answer> approve(String proposalId, String fingerprint, Sender by) {
        return input(new RuleRecord(RuleRecord.Kind.APPROVE, proposalId, null, fingerprint, 0, by));
    }

    @Override
    public CompletableFuture<CommandEdge.Answer> reject(String proposalId, Sender by) {
        return input(new RuleRecord(RuleRecord.Kind.REJECT, proposalId, null, null, 0, by));
    }

    @Override
    public CompletableFuture<CommandEdge.Answer> startShadow(RuleSource source) {
        return gateway.everyShard(new RuleRecord(RuleRecord.Kind.SHADOW_START, null, source, source.fingerprint(), 0, null), true)
                .handle((replies, error) -> {
                    if (error != null) {
                        return unavailable(error);
                    }
                    // a shard that could not start it is a divergence, answered as such, never hidden in a sum
                    return answer(replies.stream().anyMatch(ShardReply::refused) ? ReplyMerge.of(replies)
                            : ShadowMerge.of(replies, true));
                });
    }

    @Override
    public CompletableFuture<CommandEdge.Answer> shadow() {
        return shadowStep(RuleRecord.Kind.SHADOW_REPORT, true);
    }

    @Override
    public CompletableFuture<CommandEdge.Answer> stopShadow() {
        return shadowStep(RuleRecord.Kind.SHADOW_STOP, false);
    }

    private CompletableFuture<CommandEdge.Answer> shadowStep(RuleRecord.Kind kind, boolean withRunning) {
        return gateway.everyShard(RuleRecord.of(kind), true).handle((replies, error) ->
                error != null ? unavailable(error) : answer(ShadowMerge.of(replies, withRunning)));
    }

    /** A proposal step: applied by every shard in the market's order; the shards agree, or it is SHARDS_DISAGREE. */
    private CompletableFuture<CommandEdge.Answer> input(RuleRecord r) {
        return gateway.everyShard(r, false).handle((replies, error) ->
                error != null ? unavailable(error) : answer(ReplyMerge.of(replies)));
    }

    /** A read of the proposal table, which every shard holds alike: shard 0's. */
    private CompletableFuture<CommandEdge.Answer> read(RuleRecord r) {
        return gateway.oneShard(0, r).handle((reply, error) ->
                error != null ? unavailable(error) : answer(ReplyMerge.of(List.of(reply))));
    }

    private static CommandEdge.Answer answer(ReplyMerge.Merged m) {
        return new CommandEdge.Answer(m.status(), m.body(), m.refusal());
    }

    private static CommandEdge.Answer unavailable(Throwable error) {
        ClusterGateway.Answer a = ClusterGateway.unavailable(error);
        return new CommandEdge.Answer(a.status(), a.body(), a.refusal());
    }
}
