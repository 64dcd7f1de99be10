package com.copyguard.cluster.ingress;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.copyguard.cluster.DeskKey;
import com.copyguard.cluster.ShardReply;
import com.copyguard.json.Json;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * The merge of the shards' desk pages: greatest key first, pages of exactly {@code limit} while
 * more exist, and walking by its cursors gives every item once, in the one order, whatever the
 * shards hold (checked against a sort of every item, with shards that answer as a shard does:
 * at most {@code limit} items below the cursor's key, newest first, and whether more lie below).
 */
class DeskMergeTest {

    /** A shard's items, as keys (the item is its key's text). */
    private record Shard(int shard, List<DeskKey> keys) {
        ShardReply page(DeskKey below, int limit) {
            List<DeskKey> under = keys.stream().filter(k -> below == null || k.compareTo(below) < 0)
                    .sorted(Comparator.reverseOrder()).toList();
            ObjectNode body = Json.object();
            ArrayNode items = body.putArray("items");
            ArrayNode ks = body.putArray("keys");
            for (DeskKey k : under.subList(0, Math.min(limit, under.size()))) {
                items.add(text(k));
                ks.addArray().add(k.mark()).add(k.position());
            }
            body.put("nextCursor", under.size() > limit ? "more" : null);
            return new ShardReply("r", shard, 3, 200, body, null);
        }
    }

    private static String text(DeskKey k) {
        return k.mark() + "/" + k.shard() + "/" + k.position();
    }

    private static List<Shard> randomShards(Random random, int shards) {
        List<Shard> out = new ArrayList<>();
        for (int s = 0; s < shards; s++) {
            List<DeskKey> keys = new ArrayList<>();
            long mark = DeskKey.NO_MARK;
            for (long position = 0, n = random.nextInt(40); position < n; position++) {
                mark += random.nextInt(3); // marks grow along a shard's log, often repeat (one fill's followers)
                keys.add(new DeskKey(mark, s, position));
            }
            out.add(new Shard(s, keys));
        }
        return out;
    }

    @Test
    void walkingTheCursorsGivesEveryItemOnceInTheOneOrderInFullPages() {
        Random random = new Random(18);
        for (int trial = 0; trial < 200; trial++) {
            List<Shard> shards = randomShards(random, 1 + random.nextInt(5));
            int limit = 1 + random.nextInt(7);
            List<String> expected = shards.stream().flatMap(s -> s.keys().stream()).sorted(Comparator.reverseOrder())
                    .map(DeskMergeTest::text).toList();
            List<String> walked = new ArrayList<>();
            DeskKey below = null;
            while (true) {
                DeskKey cursorKey = below;
                ObjectNode page = DeskMerge.merge(shards.stream().map(s -> s.page(cursorKey, limit)).toList(), limit);
                page.path("items").forEach(i -> walked.add(i.asText()));
                JsonNode next = page.get("nextCursor");
                if (next.isNull()) {
                    break;
                }
                assertThat(page.path("items").size()).as("a full page while more exist").isEqualTo(limit);
                below = DeskCursor.decode(next.asText(), shards.size());
            }
            assertThat(walked).as("trial " + trial).isEqualTo(expected);
        }
    }

    @Test
    void theLastPageHasNoCursorAndAnEmptyDeskAnEmptyPage() {
        List<Shard> shards = List.of(new Shard(0, List.of(new DeskKey(4, 0, 0))), new Shard(1, List.of(new DeskKey(4, 1, 0))));
        ObjectNode page = DeskMerge.merge(shards.stream().map(s -> s.page(null, 2)).toList(), 2);
        assertThat(page.path("items")).extracting(JsonNode::asText).containsExactly("4/1/0", "4/0/0");
        assertThat(page.get("nextCursor").isNull()).isTrue();
        ObjectNode empty = DeskMerge.merge(List.of(new Shard(0, List.of()).page(null, 5)), 5);
        assertThat(empty.path("items").isEmpty()).isTrue();
        assertThat(empty.get("nextCursor").isNull()).isTrue();
    }

    @Test
    void aPageWithoutKeysIsAProtocolError() {
        ObjectNode body = Json.object();
        body.putArray("items").add("x");
        assertThatThrownBy(() -> DeskMerge.merge(List.of(new ShardReply("r", 0, 1, 200, body, null)), 5))
                .isInstanceOf(IllegalStateException.class);
    }
}
