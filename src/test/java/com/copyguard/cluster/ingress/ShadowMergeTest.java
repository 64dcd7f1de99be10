package com.copyguard.cluster.ingress;

import static org.assertj.core.api.Assertions.assertThat;

import com.copyguard.cluster.ShardReply;
import com.copyguard.core.refusal.RefusalCode;
import com.copyguard.core.rules.ShadowRun;
import com.copyguard.json.Json;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import org.junit.jupiter.api.Test;

class ShadowMergeTest {

    private static ShardReply report(int shard, long fills, long compared, long differing, String change, long[] times) {
        ObjectNode n = Json.object().put("running", true).put("version", "cand").put("description", "d");
        n.put("fills", fills).put("compared", compared).put("differing", differing).put("failures", shard);
        if (shard == 2) {
            n.put("lastFailure", "RULE_FAILED: on 2");
        }
        n.putObject("byChange").put(change, differing);
        ArrayNode examples = n.putArray("examples");
        for (long t : times) {
            examples.addObject().put("time", t).put("fillId", "f" + t).put("subscriptionId", "s" + shard);
        }
        return new ShardReply("r", shard, 3, 200, n, null);
    }

    @Test
    void countsAreSummedAndTheMostRecentExamplesKept() {
        long[] many = new long[40];
        for (int i = 0; i < many.length; i++) {
            many[i] = 100 + i;
        }
        ReplyMerge.Merged m = ShadowMerge.of(List.of(
                report(2, 3, 7, 40, "COPIED→REJECTED", many),
                report(0, 2, 5, 1, "COPIED→COPIED(qty)", new long[] {5}),
                report(1, 4, 9, 20, "COPIED→REJECTED", many)), true);
        JsonNode b = m.body();
        assertThat(m.status()).isEqualTo(200);
        assertThat(b.path("running").asBoolean()).isTrue();
        assertThat(b.path("fills").asLong()).isEqualTo(9);
        assertThat(b.path("compared").asLong()).isEqualTo(21);
        assertThat(b.path("differing").asLong()).isEqualTo(61);
        assertThat(b.path("failures").asLong()).isEqualTo(3);
        assertThat(b.path("lastFailure").asText()).isEqualTo("RULE_FAILED: on 2");
        assertThat(b.path("byChange").path("COPIED→REJECTED").asLong()).isEqualTo(60);
        assertThat(b.path("byChange").path("COPIED→COPIED(qty)").asLong()).isEqualTo(1);
        assertThat(b.path("examples")).hasSize(ShadowRun.EXAMPLES);
        assertThat(b.path("examples").get(0).path("time").asLong()).as("the oldest are dropped").isEqualTo(115);
        assertThat(b.path("examples").get(0).path("subscriptionId").asText()).as("ties in shard order").isEqualTo("s1");
        assertThat(b.path("examples").get(ShadowRun.EXAMPLES - 1).path("time").asLong()).isEqualTo(139);
        assertThat(b.path("shards").asInt()).isEqualTo(3);
        assertThat(b.path("shardsRunning").asInt()).isEqualTo(3);
    }

    @Test
    void aStopIsRefusedOnlyWhenNoShardHadARun() {
        ShardReply none0 = ShardReply.refused("r", 0, 2, RefusalCode.NO_SHADOW_RUN, "NO_SHADOW_RUN", "no shadow run is active");
        ShardReply none1 = ShardReply.refused("r", 1, 2, RefusalCode.NO_SHADOW_RUN, "NO_SHADOW_RUN", "no shadow run is active");
        assertThat(ShadowMerge.of(List.of(none1, none0), false).refusal()).isEqualTo(RefusalCode.NO_SHADOW_RUN);
        ReplyMerge.Merged partial = ShadowMerge.of(List.of(none0, report(1, 1, 2, 0, "x", new long[0])), false);
        assertThat(partial.refusal()).isNull();
        assertThat(partial.body().path("shardsRunning").asInt()).isEqualTo(1);
        assertThat(partial.body().has("running")).isFalse();
    }

    @Test
    void noShardRunningIsNotRunning() {
        ShardReply idle = new ShardReply("r", 0, 1, 200, Json.object().put("running", false), null);
        JsonNode b = ShadowMerge.of(List.of(idle), true).body();
        assertThat(b.path("running").asBoolean()).isFalse();
        assertThat(b.has("fills")).isFalse();
    }
}
