package com.copyguard.cluster;

import com.copyguard.json.Json;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Comparator;

/**
 * A decision's or risk action's place in the cluster's one order of desk-wide lists: {@code mark},
 * the {@code cg.seq} offset of the newest market-wide input its shard had applied when it was made
 * (the input itself for a fill's decisions, so one fill's decisions carry one mark on every shard),
 * then its {@code shard}, then its {@code position} in that shard's log. Marks only grow along a
 * shard's log, so on one shard this order is the log's own; across shards it is the market's
 * order, which is the single node's order of everything the market caused. Lists show the
 * greatest key first (newest first); a key never changes, so walking below a key gives every item
 * once however many are added meanwhile.
 */
public record DeskKey(long mark, int shard, long position) implements Comparable<DeskKey> {
    /** The mark of items made before this shard applied any market-wide input that carried its offset. */
    public static final long NO_MARK = -1;
    private static final Comparator<DeskKey> ORDER = Comparator.comparingLong(DeskKey::mark)
            .thenComparingInt(DeskKey::shard).thenComparingLong(DeskKey::position);

    public DeskKey {
        if (mark < NO_MARK || shard < 0 || position < 0) {
            throw new IllegalArgumentException("not a desk key: " + mark + "/" + shard + "/" + position);
        }
    }

    @Override
    public int compareTo(DeskKey other) {
        return ORDER.compare(this, other);
    }

    public ObjectNode json() {
        return Json.object().put("mark", mark).put("shard", shard).put("position", position);
    }

    /** The key {@link #json} wrote; null for a JSON null or missing node. */
    public static DeskKey parse(JsonNode n) {
        if (n == null || n.isNull() || n.isMissingNode()) {
            return null;
        }
        return new DeskKey(n.path("mark").asLong(), n.path("shard").asInt(), n.path("position").asLong());
    }
}
