package com.copyguard.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import com.copyguard.json.Json;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The combined state hash is defined by the shards' hashes in shard order, whatever order they answered in. */
class StateCheckpointTest {

    private static ShardReply answer(int shard, long offset, String hash) {
        return new ShardReply("r", shard, 3, 200, Json.object().put("shard", shard).put("offset", offset).put("hash", hash),
                null);
    }

    @Test
    void combinedHashIsSha256OverTheShardHashesInShardOrder() {
        JsonNode merged = StateCheckpoint.merge(42, List.of(answer(2, 9, "cc"), answer(0, 7, "aa"), answer(1, 8, "bb")));
        // sha256("aa\nbb\ncc\n"), computed outside Java
        assertThat(merged.path("hash").asText()).isEqualTo("97d220e0067d22e8cf1371e1cd782e421614e0c08956f1866c9b40f7a35b1aaa");
        assertThat(merged.path("seq").asLong()).isEqualTo(42);
        assertThat(merged.path("shards")).extracting(s -> s.path("shard").asInt()).containsExactly(0, 1, 2);
        assertThat(merged.path("shards")).extracting(s -> s.path("offset").asLong()).containsExactly(7L, 8L, 9L);
    }

    @Test
    void anyShardsHashChangesTheCombinedHash() {
        String base = StateCheckpoint.merge(1, List.of(answer(0, 1, "aa"), answer(1, 1, "bb"))).path("hash").asText();
        assertThat(StateCheckpoint.merge(1, List.of(answer(0, 1, "aa"), answer(1, 1, "bc"))).path("hash").asText())
                .isNotEqualTo(base);
        assertThat(StateCheckpoint.merge(1, List.of(answer(0, 1, "bb"), answer(1, 1, "aa"))).path("hash").asText())
                .as("shard order matters").isNotEqualTo(base);
    }
}
