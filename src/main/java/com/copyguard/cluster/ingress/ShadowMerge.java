package com.copyguard.cluster.ingress;

import com.copyguard.cluster.ShardReply;
import com.copyguard.core.rules.ShadowRun;
import com.copyguard.json.Json;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.TreeMap;

/**
 * One shadow run report from every shard's part, each taken at the same point of the market's
 * order (the step went through the sequencer): {@code fills}, {@code compared}, {@code differing},
 * {@code failures} and every {@code byChange} count are summed; {@code examples} are the most recent
 * {@link ShadowRun#EXAMPLES} of all shards' examples by fill time (ties in shard order), as the
 * single node keeps its most recent; {@code lastFailure} is the highest shard's that has one. A
 * shard counts a fill when it holds followers of its expert, so a fill whose followers sit on k
 * shards counts k in {@code fills}; every other count equals the single node's. Added fields:
 * {@code shards} (how many answered) and {@code shardsRunning} (how many run the shadow: fewer after
 * a worker restart, which ends the run on the shards it recovers, as a restart of the single node does).
 */
final class ShadowMerge {
    private static final List<String> COUNTS = List.of("fills", "compared", "differing", "failures");

    private ShadowMerge() {
    }

    /**
     * The merged reply; {@code withRunning}: the report carries {@code running} (start, get). A
     * refusal (no shadow run: DELETE) is answered only when every shard refused, else the shards
     * that had a run are merged.
     */
    static ReplyMerge.Merged of(List<ShardReply> parts, boolean withRunning) {
        List<ShardReply> sorted = parts.stream().sorted(Comparator.comparingInt(ShardReply::shard)).toList();
        List<JsonNode> reports = new ArrayList<>();
        for (ShardReply r : sorted) {
            if (!r.refused() && (!withRunning || r.body().path("running").asBoolean())) {
                reports.add(r.body());
            }
        }
        if (reports.isEmpty()) {
            ShardReply first = sorted.get(0);
            if (first.refused()) {
                return new ReplyMerge.Merged(first.status(), first.body(), first.refusal());
            }
            ObjectNode none = Json.object().put("running", false);
            none.put("shards", sorted.size()).put("shardsRunning", 0);
            return new ReplyMerge.Merged(first.status(), none, null);
        }
        ObjectNode merged = Json.object();
        if (withRunning) {
            merged.put("running", true);
        }
        JsonNode lowest = reports.get(0);
        merged.set("version", lowest.get("version"));
        merged.set("description", lowest.get("description"));
        for (String count : COUNTS) {
            merged.put(count, reports.stream().mapToLong(r -> r.path(count).asLong()).sum());
        }
        for (JsonNode r : reports) {
            if (r.hasNonNull("lastFailure")) {
                merged.set("lastFailure", r.get("lastFailure"));
            }
        }
        TreeMap<String, Long> byChange = new TreeMap<>();
        reports.forEach(r -> r.path("byChange").fields()
                .forEachRemaining(e -> byChange.merge(e.getKey(), e.getValue().asLong(), Long::sum)));
        ObjectNode changes = merged.putObject("byChange");
        byChange.forEach(changes::put);
        List<JsonNode> examples = new ArrayList<>();
        reports.forEach(r -> r.path("examples").forEach(examples::add));
        // stable: within one time, shard order, and each shard's own order of occurrence
        examples.sort(Comparator.comparingLong(x -> x.path("time").asLong()));
        ArrayNode kept = merged.putArray("examples");
        examples.subList(Math.max(0, examples.size() - ShadowRun.EXAMPLES), examples.size()).forEach(kept::add);
        merged.put("shards", sorted.size());
        merged.put("shardsRunning", reports.size());
        return new ReplyMerge.Merged(statusOf(sorted), merged, null);
    }

    /** The applied shards' status (all agree: 201 for a start, 200 otherwise). */
    private static int statusOf(List<ShardReply> sorted) {
        return sorted.stream().filter(r -> !r.refused()).findFirst().map(ShardReply::status).orElse(200);
    }
}
