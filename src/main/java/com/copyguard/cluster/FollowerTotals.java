package com.copyguard.cluster;

import com.copyguard.api.ReadOperations;
import com.copyguard.core.engine.Engine;
import com.copyguard.core.screening.FollowerResults;
import com.copyguard.json.Json;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.math.BigDecimal;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Expert screening across shards: an expert's follower results ({@link FollowerResults}: total
 * PnL, followers, active followers) are spread over the shards, one follower on exactly one shard.
 * The ingress asks every shard for its share with an internal read ({@link #OPERATION}, not in the
 * public contract), sums the shares exactly, and sends the screening read to shard 0 with the sums
 * in its query record ({@link QueryRecord#encode(ReadOperations.Request, JsonNode)}); shard 0 then
 * screens with them in place of its own followers' ({@link FollowerResults#supplied}), so the
 * screening rules decide on the same figures as the single node.
 *
 * <p>Wire form of a share or a sum: {@code {"experts": {expertId: [totalPnl, followers,
 * activeFollowers]}}}, the PnL as BigDecimal text that keeps its scale (flag details print it as is).
 */
public final class FollowerTotals {
    /** The internal read: every shard's share, of the path's {@code expertId}, or of every expert without one. */
    public static final String OPERATION = "internalFollowerResults";
    /**
     * At most this many experts with followers are summed for one read: the sums travel in one
     * query record, and 5,000 experts with 64-character ids stay well under Kafka's default 1 MB
     * record. Beyond it the leaderboard answers 501 rather than a wrong ranking.
     */
    public static final int MAX_EXPERTS = 5_000;

    private FollowerTotals() {
    }

    /** The internal read that asks a shard for its share of {@code expertId}'s results (null: every expert's). */
    public static ReadOperations.Request request(String expertId) {
        return new ReadOperations.Request(OPERATION, expertId == null ? Map.of() : Map.of("expertId", expertId),
                Map.of(), null, null);
    }

    /**
     * A shard's answer to {@link #request}: its own followers' results, only experts that have any
     * here; null when more than {@link #MAX_EXPERTS} have (the answer would not fit one record).
     */
    public static ObjectNode shardAnswer(Engine engine, ReadOperations.Request request) {
        return shardAnswer(engine, request, MAX_EXPERTS);
    }

    static ObjectNode shardAnswer(Engine engine, ReadOperations.Request request, int max) {
        Map<String, FollowerResults> share = FollowerResults.byExpert(engine.ledger(), request.path().get("expertId"));
        return share.size() > max ? null : json(share);
    }

    /** The answer when more experts have followers than one read sums: 501, as the leaderboard is not served then. */
    public static ObjectNode tooMany() {
        return Json.object().put("error", "NOT_IN_CLUSTER_MODE").put("message", "more than " + MAX_EXPERTS
                + " experts have followers; the cluster's leaderboard sums at most that many");
    }

    /** Every shard's share summed, exactly, by expert; {@code replies} must all be applied answers. */
    public static Map<String, FollowerResults> sum(List<ShardReply> replies) {
        Map<String, FollowerResults> out = new LinkedHashMap<>();
        replies.stream().sorted(Comparator.comparingInt(ShardReply::shard))
                .forEach(reply -> parse(reply.body()).forEach((expert, share) -> out.merge(expert, share, FollowerResults::plus)));
        return out;
    }

    public static ObjectNode json(Map<String, FollowerResults> byExpert) {
        ObjectNode n = Json.object();
        ObjectNode experts = n.putObject("experts");
        byExpert.forEach((expert, r) -> experts.putArray(expert).add(r.totalPnl().toString()).add(r.followers())
                .add(r.activeFollowers()));
        return n;
    }

    public static Map<String, FollowerResults> parse(JsonNode json) {
        Map<String, FollowerResults> out = new LinkedHashMap<>();
        json.path("experts").fields().forEachRemaining(e -> {
            ArrayNode a = (ArrayNode) e.getValue();
            out.put(e.getKey(), new FollowerResults(new BigDecimal(a.get(0).asText()), a.get(1).asInt(), a.get(2).asInt()));
        });
        return out;
    }
}
