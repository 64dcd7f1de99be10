package com.copyguard.cluster.shard;

import static org.assertj.core.api.Assertions.assertThat;

import com.copyguard.cluster.FollowerTotals;
import com.copyguard.core.screening.FollowerResults;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.math.BigDecimal;
import java.util.List;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/** Shard 0 puts the staged parts of the sums together, and answers none when a part is missing. */
class FollowerStagingTest {

    private static TreeMap<String, FollowerResults> sums(int n) {
        TreeMap<String, FollowerResults> out = new TreeMap<>();
        for (int i = 0; i < n; i++) {
            out.put("E" + (100 + i), new FollowerResults(new BigDecimal(i + ".50"), i, 1));
        }
        return out;
    }

    @Test
    void thePartsMakeTheWholeSums() {
        FollowerStaging staging = new FollowerStaging();
        List<ObjectNode> parts = FollowerTotals.parts(sums(7), 3, "a");
        assertThat(staging.stage(parts.get(0))).isEqualTo(1);
        assertThat(staging.stage(parts.get(1))).isEqualTo(2);
        assertThat(staging.complete(parts.get(2))).isEqualTo(sums(7));
        assertThat(staging.complete(parts.get(2))).as("taken once").isNull();
    }

    @Test
    void aMissingPartOrAnEvictedStageAnswersNone() {
        FollowerStaging staging = new FollowerStaging();
        List<ObjectNode> parts = FollowerTotals.parts(sums(7), 3, "a");
        staging.stage(parts.get(0));
        assertThat(staging.complete(parts.get(2))).isNull();
        staging.stage(parts.get(0));
        staging.stage(parts.get(1));
        for (int i = 0; i < FollowerStaging.OPEN; i++) {
            staging.stage(FollowerTotals.parts(sums(7), 3, "other" + i).get(0));
        }
        assertThat(staging.complete(parts.get(2))).as("the oldest stage was dropped").isNull();
        assertThat(staging.complete(FollowerTotals.parts(sums(2), 3, "x").get(0))).as("unstaged: its own sums")
                .isEqualTo(sums(2));
    }
}
