package com.copyguard.cluster;

import com.copyguard.api.ReadOperations;
import com.copyguard.core.engine.Engine;
import com.copyguard.core.screening.FollowerResults;
import com.copyguard.json.Json;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.copyguard.core.ledger.Expert;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Expert screening across shards: an expert's follower results ({@link FollowerResults}: total
 * PnL, followers, active followers) are spread over the shards, one follower on exactly one shard.
 * The ingress asks every shard for its share with an internal read ({@link #OPERATION}, not in the
 * public contract), sums the shares exactly, and sends the screening read to shard 0 with the sums
 * in its query record ({@link QueryRecord#encode(ReadOperations.Request, JsonNode)}); shard 0 then
 * screens with them in place of its own followers' ({@link FollowerResults#supplied}), so the
 * screening rules decide on the same figures as the single node. No record carries more than
 * {@link #chunk} experts, however many have followers: the leaderboard's shares come in rounds of
 * each shard's next experts in id order ({@link #request(String, int)}, {@link #absorb}), and sums
 * of more experts go to shard 0 in parts ahead of the screening read ({@link #parts}).
 *
 * <p>Wire form of a share or a sum: {@code {"experts": {expertId: [totalPnl, followers,
 * activeFollowers]}}}, the PnL as BigDecimal text that keeps its scale (flag details print it as is);
 * a share adds {@code "more"}, a part of several {@code "stage": {id, part, parts}}.
 */
public final class FollowerTotals {
    /** The internal read: every shard's share, of the path's {@code expertId}, or of every expert without one. */
    public static final String OPERATION = "internalFollowerResults";
    /** The internal read that hands shard 0 one part of the sums ahead of the screening read (see {@link #parts}). */
    public static final String STAGE_OPERATION = "internalStageFollowerResults";
    /**
     * At most this many experts travel in one record, either way (a shard's share, a part of the
     * sums): 5,000 experts with 64-character ids stay well under Kafka's default 1 MB record.
     */
    public static final int MAX_EXPERTS = 5_000;
    /** The experts per record the ingress asks for and sends: {@link #MAX_EXPERTS}; tests lower it to stay small. */
    static volatile int chunk = MAX_EXPERTS;

    private FollowerTotals() {
    }

    /** How many experts one record carries (at most {@link #MAX_EXPERTS}). */
    public static int chunk() {
        return chunk;
    }

    /** The internal read that asks a shard for its share of {@code expertId}'s results (null: every expert's). */
    public static ReadOperations.Request request(String expertId) {
        return new ReadOperations.Request(OPERATION, expertId == null ? Map.of() : Map.of("expertId", expertId),
                Map.of(), null, null);
    }

    /**
     * The internal read of one round of the leaderboard's gathering: a shard's share of the first
     * {@code limit} experts, in id order, whose id is above {@code after} (null: from the first).
     */
    public static ReadOperations.Request request(String after, int limit) {
        Map<String, List<String>> query = new TreeMap<>();
        query.put("limit", List.of(Integer.toString(limit)));
        if (after != null) {
            query.put("after", List.of(after));
        }
        return new ReadOperations.Request(OPERATION, Map.of(), query, null, null);
    }

    /**
     * A shard's answer to {@link #request}: its own followers' results, only experts that have any
     * here, of the one expert the path names, or else of at most {@code limit} (at most
     * {@link #MAX_EXPERTS}) experts in id order above {@code after}, with {@code more}: whether it
     * has experts above the last one sent.
     */
    public static ObjectNode shardAnswer(Engine engine, ReadOperations.Request request) {
        String expert = request.path().get("expertId");
        if (expert != null) {
            return json(FollowerResults.byExpert(engine.ledger(), expert)).put("more", false);
        }
        String limitText = request.queryValue("limit");
        int limit = limitText == null ? MAX_EXPERTS : Math.max(1, Math.min(MAX_EXPERTS, Integer.parseInt(limitText)));
        String after = request.queryValue("after");
        TreeSet<String> ids = new TreeSet<>();
        for (Expert e : engine.ledger().experts()) {
            if (!e.subscriptionIds().isEmpty() && (after == null || e.expertId().compareTo(after) > 0)) {
                ids.add(e.expertId());
                if (ids.size() > limit + 1) {
                    ids.pollLast(); // only the lowest limit + 1 ids matter: memory stays one chunk
                }
            }
        }
        boolean more = ids.size() > limit;
        Map<String, FollowerResults> share = new LinkedHashMap<>();
        for (String id : ids) {
            if (share.size() == limit) {
                break;
            }
            share.put(id, FollowerResults.of(engine.ledger().expert(id), engine.ledger()));
        }
        return json(share).put("more", more);
    }

    /**
     * Adds one round's shares to {@code sums}, exactly, and says where the next round starts: every
     * expert up to the lowest last id among the shards that have more is complete (each shard sent
     * all its experts up to its own last); null when no shard has more (the sums are complete).
     * Experts above that id are left for the next round, which asks for them again.
     */
    public static String absorb(SortedMap<String, FollowerResults> sums, List<ShardReply> replies) {
        String upTo = null;
        for (ShardReply reply : replies) {
            JsonNode experts = reply.body().path("experts");
            if (reply.body().path("more").asBoolean(false) && !experts.isEmpty()) {
                String last = null;
                for (Iterator<String> names = experts.fieldNames(); names.hasNext(); ) {
                    String name = names.next();
                    last = last == null || name.compareTo(last) > 0 ? name : last;
                }
                upTo = upTo == null || last.compareTo(upTo) < 0 ? last : upTo;
            }
        }
        String bound = upTo;
        replies.stream().sorted(Comparator.comparingInt(ShardReply::shard)).forEach(reply ->
                parse(reply.body()).forEach((expert, share) -> {
                    if (bound == null || expert.compareTo(bound) <= 0) {
                        sums.merge(expert, share, FollowerResults::plus);
                    }
                }));
        return upTo;
    }

    /**
     * The sums cut into records of at most {@code chunk} experts, in id order, each (when there are
     * several) with {@code stage}: {@code {id, part, parts}}. Shard 0 keeps the parts sent ahead as
     * {@link #STAGE_OPERATION} reads and screens when the last arrives, with the screening read.
     */
    public static List<ObjectNode> parts(SortedMap<String, FollowerResults> sums, int chunk, String stageId) {
        List<Map<String, FollowerResults>> cut = new ArrayList<>();
        Map<String, FollowerResults> current = new LinkedHashMap<>();
        for (Map.Entry<String, FollowerResults> e : sums.entrySet()) {
            if (current.size() == chunk) {
                cut.add(current);
                current = new LinkedHashMap<>();
            }
            current.put(e.getKey(), e.getValue());
        }
        cut.add(current);
        List<ObjectNode> out = new ArrayList<>();
        for (int i = 0; i < cut.size(); i++) {
            ObjectNode part = json(cut.get(i));
            if (cut.size() > 1) {
                part.putObject("stage").put("id", stageId).put("part", i).put("parts", cut.size());
            }
            out.add(part);
        }
        return out;
    }

    /** The read that carries a part of the sums ahead of the screening read. */
    public static ReadOperations.Request stageRequest() {
        return new ReadOperations.Request(STAGE_OPERATION, Map.of(), Map.of(), null, null);
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
