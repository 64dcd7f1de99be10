package com.copyguard.cluster.shard;

import com.copyguard.api.ResultStatus;
import com.copyguard.api.ShadowView;
import com.copyguard.cluster.Envelope;
import com.copyguard.cluster.RuleRecord;
import com.copyguard.cluster.ShardReply;
import com.copyguard.core.command.ActivateRules;
import com.copyguard.core.engine.Engine;
import com.copyguard.core.engine.Result;
import com.copyguard.core.refusal.InputRefused;
import com.copyguard.core.refusal.RefusalCode;
import com.copyguard.core.rules.RuleCompilationException;
import com.copyguard.core.rules.ShadowReport;
import com.copyguard.json.ApiJson;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.function.Function;

/**
 * A shard's side of rule authoring in cluster mode: applies a {@link RuleRecord} to the shard's
 * proposal table and its engine's shadow run, and answers it as the single node answers the same
 * request. An approval is decided here, identically on every shard (same table, same record): it
 * checks PENDING, four eyes and the fingerprint, then activates the proposal's own text exactly as
 * an {@link ActivateRules} input does, and only then marks the proposal APPROVED, in the same
 * apply; an activation that is refused leaves the proposal PENDING, as the single node does.
 * Throws a {@link com.copyguard.core.refusal.Refusal} for a refused record (the caller answers it).
 */
final class ShardRuleAuthoring {
    private final ShardProposals proposals;

    ShardRuleAuthoring(ShardProposals proposals) {
        this.proposals = proposals;
    }

    ShardProposals proposals() {
        return proposals;
    }

    /**
     * Applies {@code r} on {@code engine}; {@code activate} applies an activation as the shard applies
     * an {@link ActivateRules} input (events, the activation kept for snapshots) and returns its result.
     */
    ShardReply apply(RuleRecord r, Envelope envelope, int shard, Engine engine, Function<ActivateRules, Result> activate) {
        return switch (r.kind()) {
            case PROPOSE -> {
                ShardProposals.Proposal p = proposals.propose(r.source(), r.by(), r.at());
                yield reply(envelope, shard, ResultStatus.CREATED, ShardProposals.view(p));
            }
            case APPROVE -> {
                ShardProposals.Proposal p = proposals.decidable(r.proposalId(), r.by(), true);
                if (!p.fingerprint.equals(r.fingerprint())) {
                    throw new InputRefused(RefusalCode.PROPOSAL_STALE, "rule set " + p.version
                            + " changed on disk since it was proposed as " + p.id + ": propose it again");
                }
                ActivateRules activation = ActivateRules.of(p.source).approved(p.id, p.proposedBy, r.by());
                Result result = activate.apply(activation);
                proposals.decided(p, r.by(), true);
                yield reply(envelope, shard, ResultStatus.of(result), ApiJson.tree(result));
            }
            case REJECT -> {
                ShardProposals.Proposal p = proposals.decidable(r.proposalId(), r.by(), false);
                proposals.decided(p, r.by(), false);
                yield reply(envelope, shard, ResultStatus.OK, ShardProposals.view(p));
            }
            case PROPOSAL -> reply(envelope, shard, ResultStatus.OK, ShardProposals.view(proposals.get(r.proposalId())));
            case LIST_PROPOSALS -> reply(envelope, shard, ResultStatus.OK, proposals.list());
            case SHADOW_START -> {
                try {
                    // cached by fingerprint: the ingress compiled this text already, and so did the other shards' engines
                    engine.rules().shadow().start(engine.rules().compiled().compile(r.source()));
                } catch (RuleCompilationException e) {
                    throw new InputRefused(RefusalCode.RULES_INVALID, "rule set " + r.source().version()
                            + " does not compile on this shard: " + e.getMessage());
                }
                yield reply(envelope, shard, ResultStatus.CREATED, ShadowView.of(engine.rules().shadow().report(), true));
            }
            case SHADOW_REPORT -> reply(envelope, shard, ResultStatus.OK, ShadowView.of(engine.rules().shadow().report(), true));
            case SHADOW_STOP -> {
                ShadowReport last = engine.rules().shadow().stop();
                if (last == null) {
                    throw new InputRefused(RefusalCode.NO_SHADOW_RUN, "no shadow run is active");
                }
                yield reply(envelope, shard, ResultStatus.OK, ShadowView.of(last, false));
            }
        };
    }

    private static ShardReply reply(Envelope envelope, int shard, int status, JsonNode body) {
        return new ShardReply(envelope.requestId(), shard, envelope.parts(), status, body, null);
    }
}
