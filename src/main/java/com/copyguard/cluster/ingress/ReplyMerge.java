package com.copyguard.cluster.ingress;

import com.copyguard.cluster.ShardReply;
import com.copyguard.json.Json;
import com.copyguard.core.refusal.RefusalCode;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Comparator;
import java.util.List;

/**
 * The reply to a market-wide input from every shard's part: a fill's {@code copied} and
 * {@code rejected} are summed and its {@code decisions} and {@code riskActions} listed shard by
 * shard (so followers appear in shard order, not in the single node's subscription order); every
 * other field is the lowest shard's, which all shards agree on. Shards that disagree on whether the
 * input was refused mean their market state diverged: that is answered SHARDS_DISAGREE (an internal error).
 */
final class ReplyMerge {
    private static final List<String> SUMMED = List.of("copied", "rejected");
    private static final List<String> LISTED = List.of("decisions", "riskActions");

    private ReplyMerge() {
    }

    /** Status (applied) or refusal code (refused) and body of the whole reply. */
    record Merged(int status, JsonNode body, RefusalCode refusal) {
    }

    static Merged of(List<ShardReply> parts) {
        List<ShardReply> sorted = parts.stream().sorted(Comparator.comparingInt(ShardReply::shard)).toList();
        ShardReply first = sorted.get(0);
        for (ShardReply r : sorted) {
            if (r.refused() != first.refused()) {
                return new Merged(0, Json.object().put("error", "SHARDS_DISAGREE").put("message",
                        "shard " + first.shard() + " " + outcome(first) + " but shard " + r.shard() + " " + outcome(r)
                                + "; the input is applied on some shards only"), RefusalCode.INTERNAL_ERROR);
            }
        }
        if (first.refused() || sorted.size() == 1 || !first.body().isObject()) {
            return new Merged(first.status(), first.body(), first.refusal());
        }
        ObjectNode merged = ((ObjectNode) first.body()).deepCopy();
        for (ShardReply r : sorted.subList(1, sorted.size())) {
            for (String field : SUMMED) {
                if (merged.has(field) && r.body().has(field)) {
                    merged.put(field, merged.get(field).asLong() + r.body().get(field).asLong());
                }
            }
            for (String field : LISTED) {
                if (merged.get(field) instanceof ArrayNode list && r.body().get(field) instanceof ArrayNode more) {
                    list.addAll(more);
                }
            }
        }
        return new Merged(first.status(), merged, null);
    }

    private static String outcome(ShardReply r) {
        return r.refused() ? "refused it (" + r.body().path("error").asText() + ")" : "applied it";
    }
}
