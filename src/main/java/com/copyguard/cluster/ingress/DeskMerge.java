package com.copyguard.cluster.ingress;

import com.copyguard.cluster.DeskKey;
import com.copyguard.cluster.ShardReply;
import com.copyguard.json.Json;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;
import java.util.PriorityQueue;

/**
 * One page of a desk-wide list from the shards' pages: a k-way merge, greatest {@link DeskKey}
 * first (the cluster's newest-first order), of each shard's items below the cursor's key, each
 * shard's already in that order. The page holds {@code limit} items while more exist (a shard
 * asked for {@code limit} gives that many, or all it has), and its cursor is the last item's key.
 */
final class DeskMerge {
    private DeskMerge() {
    }

    /** One shard's page: its items, their keys, and whether it holds more below its last item. */
    private record ShardPage(int shard, JsonNode items, JsonNode keys, boolean more) {
        DeskKey key(int i) {
            JsonNode k = keys.get(i);
            return new DeskKey(k.get(0).asLong(), shard, k.get(1).asLong());
        }
    }

    /** A shard's place in the merge: its page and the next item not taken. */
    private static final class Head {
        final ShardPage page;
        int next;
        DeskKey key;

        Head(ShardPage page) {
            this.page = page;
            this.key = page.key(0);
        }
    }

    /**
     * The page ({@code {items, nextCursor}}) merged from {@code replies}, every one an applied
     * answer with {@code items}, {@code keys} and {@code nextCursor}; a shard whose keys do not
     * match its items is a protocol error.
     */
    static ObjectNode merge(List<ShardReply> replies, int limit) {
        PriorityQueue<Head> heads = new PriorityQueue<>((a, b) -> b.key.compareTo(a.key));
        List<ShardPage> pages = new ArrayList<>();
        for (ShardReply reply : replies) {
            JsonNode body = reply.body();
            JsonNode items = body.path("items");
            JsonNode keys = body.path("keys");
            if (!items.isArray() || !keys.isArray() || items.size() != keys.size()) {
                throw new IllegalStateException("shard " + reply.shard() + " answered a desk page without its keys");
            }
            ShardPage page = new ShardPage(reply.shard(), items, keys, body.path("nextCursor").isTextual());
            pages.add(page);
            if (!items.isEmpty()) {
                heads.add(new Head(page));
            }
        }
        ArrayNode out = Json.array();
        DeskKey last = null;
        while (out.size() < limit && !heads.isEmpty()) {
            Head h = heads.poll();
            out.add(h.page.items().get(h.next));
            last = h.key;
            if (++h.next < h.page.items().size()) {
                h.key = h.page.key(h.next);
                heads.add(h);
            } else if (h.page.more()) {
                // a shard's page ran out while it has more: the page is full ({@code limit} came from it), stop here
                break;
            }
        }
        boolean more = !heads.isEmpty() || pages.stream().anyMatch(ShardPage::more);
        ObjectNode body = Json.object();
        body.set("items", out);
        body.put("nextCursor", more && last != null ? DeskCursor.encode(last) : null);
        return body;
    }
}
