package com.copyguard.cluster.shard;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.copyguard.cluster.DeskKey;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * A shard's marks as runs: each position's mark, and the position a desk key leaves on each shard
 * (checked against the definition, item by item: the records of this shard below the key).
 */
class MarkRunsTest {

    @Test
    void marksAndBoundariesFollowTheDefinition() {
        Random random = new Random(7);
        for (int trial = 0; trial < 100; trial++) {
            MarkRuns runs = new MarkRuns();
            List<Long> marks = new ArrayList<>();
            long mark = DeskKey.NO_MARK;
            long size = 1 + random.nextInt(3); // records before any stamped input keep NO_MARK
            for (int i = 0; i < size; i++) {
                marks.add(DeskKey.NO_MARK);
            }
            for (int input = 0; input < 30; input++) {
                mark += random.nextInt(3);
                int added = random.nextInt(3);
                runs.added(size, size + added, mark);
                for (int i = 0; i < added; i++) {
                    marks.add(mark);
                }
                size += added;
            }
            for (int p = 0; p < marks.size(); p++) {
                assertThat(runs.markOf(p)).isEqualTo(marks.get(p));
            }
            int shard = 2;
            for (long keyMark = -1; keyMark <= mark + 1; keyMark++) {
                for (int keyShard : new int[] {1, 2, 3}) {
                    int at = random.nextInt(marks.size());
                    // a key on this shard is one of its records', with that record's mark
                    DeskKey key = keyShard == shard ? new DeskKey(marks.get(at), shard, at) : new DeskKey(keyMark, keyShard, 0);
                    long before = runs.before(key, shard);
                    for (int p = 0; p < marks.size(); p++) {
                        boolean below = new DeskKey(marks.get(p), shard, p).compareTo(key) < 0;
                        assertThat(p < before).as("trial %d key %s position %d", trial, key, p).isEqualTo(below);
                    }
                }
            }
        }
    }

    @Test
    void forgetsRunsOfRecordsNoLongerKeptAndSurvivesItsFile() throws Exception {
        MarkRuns runs = new MarkRuns();
        for (long i = 0; i < 1_000; i++) {
            runs.added(i * 2, i * 2 + 2, i);
        }
        runs.keepFrom(1_500);
        assertThat(runs.size()).isEqualTo(250);
        assertThat(runs.markOf(1_500)).isEqualTo(750);
        MarkRuns read = MarkRuns.fromJson(runs.json());
        assertThat(read.json()).isEqualTo(runs.json());
        assertThat(read.markOf(1_999)).isEqualTo(999);
        assertThatThrownBy(() -> runs.added(2_000, 2_001, 3)).as("marks never go back").isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> MarkRuns.fromJson(com.copyguard.json.Json.MAPPER.readTree("[[1]]")))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
