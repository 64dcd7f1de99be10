package com.copyguard.cluster.ingress;

import static org.assertj.core.api.Assertions.assertThat;

import com.copyguard.cluster.ShardReply;
import com.copyguard.core.engine.DecisionSummary;
import com.copyguard.core.engine.FanOutSummary;
import com.copyguard.core.engine.FillResult;
import com.copyguard.core.engine.RiskActionSummary;
import com.copyguard.core.model.Outcome;
import com.copyguard.core.model.ReasonCode;
import com.copyguard.json.ApiJson;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Shards' fill replies, as each shard's engine would write them, merged into the ingress's one reply. */
class ReplyMergeTest {
    @Test
    void summariesAreSummedAndFirstPagesCombinedUpToOnePage() {
        // shard 0: 80 copied; shard 1: 50 rejected BELOW_MIN_QTY and 10 copied
        ShardReply a = shard(0, decisions(0, 80, Outcome.COPIED, null), 1000);
        List<DecisionSummary> b = decisions(80, 50, Outcome.REJECTED, ReasonCode.BELOW_MIN_QTY);
        b.addAll(decisions(130, 10, Outcome.COPIED, null));
        ShardReply c = shard(1, b, 7);

        JsonNode merged = ReplyMerge.of(List.of(c, a)).body();

        assertThat(merged.path("copied").asLong()).isEqualTo(90);
        assertThat(merged.path("rejected").asLong()).isEqualTo(50);
        assertThat(merged.path("decisions")).hasSize(FanOutSummary.FIRST_PAGE);
        assertThat(merged.path("decisions").get(0).path("subscriptionId").asText()).as("shard order").isEqualTo("S0");
        JsonNode summary = merged.path("decisionSummary");
        assertThat(summary.path("total").asLong()).isEqualTo(140);
        assertThat(summary.path("byOutcome").toString()).isEqualTo("{\"COPIED\":90,\"REJECTED\":50}");
        assertThat(summary.path("byReason").toString())
                .isEqualTo("{\"COPIED\":{\"NONE\":90},\"REJECTED\":{\"BELOW_MIN_QTY\":50}}");
        assertThat(summary.path("nextCursor").isNull()).as("a shard's cursor names its own log only").isTrue();
        assertThat(summary.path("next").asText()).isEqualTo("/decisions?expertId=x&fillId=f1");
        assertThat(merged.path("riskActionSummary").path("next").isNull()).as("no risk actions: nothing more").isTrue();
    }

    @Test
    void aFanOutThatFitsOnePageListsEverythingAndPointsNowhere() {
        JsonNode merged = ReplyMerge.of(List.of(shard(0, decisions(0, 3, Outcome.COPIED, null), 0),
                shard(1, decisions(3, 2, Outcome.REJECTED, ReasonCode.PAUSED), 0))).body();
        assertThat(merged.path("decisions")).hasSize(5);
        assertThat(merged.path("decisionSummary").path("total").asLong()).isEqualTo(5);
        assertThat(merged.path("decisionSummary").path("next").isNull()).isTrue();
    }

    private static ShardReply shard(int shard, List<DecisionSummary> made, long firstPosition) {
        FanOutSummary summary = FanOutSummary.of(made, d -> d.outcome().name(), DecisionSummary::reason, firstPosition);
        long copied = summary.byOutcome().getOrDefault("COPIED", 0L);
        FillResult r = new FillResult("x", "f1", copied, made.size() - copied, FanOutSummary.firstPage(made), summary,
                List.of(), FanOutSummary.of(List.<RiskActionSummary>of(), RiskActionSummary::action,
                RiskActionSummary::reason, 0));
        return new ShardReply("req", shard, 2, 200, ApiJson.tree(r), null);
    }

    private static List<DecisionSummary> decisions(int from, int n, Outcome outcome, ReasonCode reason) {
        List<DecisionSummary> out = new ArrayList<>();
        for (int i = from; i < from + n; i++) {
            out.add(new DecisionSummary("S" + i, outcome, reason, null, null, null, null));
        }
        return out;
    }
}
