package com.copyguard.cluster.ingress;

import com.copyguard.cluster.ShardReply;
import com.copyguard.json.Json;
import com.copyguard.core.refusal.RefusalCode;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Comparator;
import java.util.List;
import java.util.TreeMap;

/**
 * The reply to a market-wide input from every shard's part: a fill's {@code copied} and
 * {@code rejected} are summed, its {@code decisions} and {@code riskActions} (each shard's first page)
 * listed shard by shard up to one first page (so followers appear in shard order, not in the single
 * node's subscription order), and its fan-out summaries ({@code decisionSummary}, ...) summed count by
 * count; a shard's cursor names its own log only, so a merged summary has none and its {@code next}
 * is its {@code list} when the merged first page does not hold every record. Every other field is the
 * lowest shard's, which all shards agree on. Shards that disagree on whether the
 * input was refused mean their market state diverged: that is answered SHARDS_DISAGREE (an internal error).
 */
final class ReplyMerge {
    private static final List<String> SUMMED = List.of("copied", "rejected");
    private static final List<String> LISTED = List.of("decisions", "riskActions");
    private static final List<String> SUMMARIES = List.of("decisionSummary", "riskActionSummary");
    /** A reply's first page, as the single node bounds it (FanOutSummary.FIRST_PAGE). */
    private static final int FIRST_PAGE = 100;

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
                    for (int i = 0; i < more.size() && list.size() < FIRST_PAGE; i++) {
                        list.add(more.get(i));
                    }
                }
            }
            for (String field : SUMMARIES) {
                if (merged.get(field) instanceof ObjectNode summary && r.body().get(field) instanceof ObjectNode more) {
                    addCounts(summary, more);
                }
            }
        }
        for (String field : SUMMARIES) {
            if (merged.get(field) instanceof ObjectNode summary) {
                boolean allListed = summary.path("total").asLong() <= FIRST_PAGE;
                summary.putNull("nextCursor");
                summary.set("next", allListed ? summary.nullNode() : summary.get("list"));
            }
        }
        return new Merged(first.status(), merged, null);
    }

    /**
     * Adds {@code more}'s total and its counts by outcome and by outcome and reason to {@code summary}'s,
     * keys kept sorted as a single node writes them.
     */
    private static void addCounts(ObjectNode summary, JsonNode more) {
        summary.put("total", summary.path("total").asLong() + more.path("total").asLong());
        summary.set("byOutcome", sum(summary.path("byOutcome"), more.path("byOutcome")));
        TreeMap<String, JsonNode> byReason = new TreeMap<>();
        summary.path("byReason").fields().forEachRemaining(e -> byReason.put(e.getKey(), e.getValue()));
        more.path("byReason").fields().forEachRemaining(e -> byReason.merge(e.getKey(), e.getValue(), ReplyMerge::sum));
        ObjectNode sorted = Json.object();
        byReason.forEach(sorted::set);
        summary.set("byReason", sorted);
    }

    private static JsonNode sum(JsonNode counts, JsonNode more) {
        TreeMap<String, Long> sum = new TreeMap<>();
        counts.fields().forEachRemaining(e -> sum.merge(e.getKey(), e.getValue().asLong(), Long::sum));
        more.fields().forEachRemaining(e -> sum.merge(e.getKey(), e.getValue().asLong(), Long::sum));
        ObjectNode out = Json.object();
        sum.forEach(out::put);
        return out;
    }

    private static String outcome(ShardReply r) {
        return r.refused() ? "refused it (" + r.body().path("error").asText() + ")" : "applied it";
    }
}
