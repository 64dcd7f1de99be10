package com.copyguard.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import com.copyguard.api.ReadOperations;
import com.copyguard.core.screening.FollowerResults;
import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.Test;

/**
 * The shards' shares of the followers' results add up exactly (the PnL with its scale, which flag
 * details print as is; counts of distinct followers, each on one shard), whatever order the shards
 * answered in, and travel to shard 0 in the screening read's query record unchanged.
 */
class FollowerTotalsTest {

    private static ShardReply share(int shard, Map<String, FollowerResults> results) {
        return new ShardReply("r", shard, 3, 200, FollowerTotals.json(results), null);
    }

    private static FollowerResults r(String pnl, int followers, int active) {
        return new FollowerResults(new BigDecimal(pnl), followers, active);
    }

    @Test
    void sharesAddUpExactlyKeepingTheScale() {
        Map<String, FollowerResults> sum = FollowerTotals.sum(List.of(
                share(2, Map.of("A", r("-0.250", 1, 0))),
                share(0, Map.of("A", r("1.5", 2, 2), "B", r("3E+1", 1, 1))),
                share(1, Map.of())));
        assertThat(sum.get("A")).isEqualTo(r("1.250", 3, 2));
        assertThat(sum.get("A").totalPnl().toPlainString()).as("the scale a single sum would have").isEqualTo("1.250");
        assertThat(sum.get("B").totalPnl()).isEqualByComparingTo("30");
        assertThat(sum).hasSize(2);
    }

    @Test
    void theSumsRideInTheScreeningReadsRecordUnchanged() {
        Map<String, FollowerResults> totals = Map.of("A", r("-12.500000000000000000042", 4, 3));
        ReadOperations.Request read = new ReadOperations.Request("getExpertScreening", Map.of("expertId", "A"), Map.of(),
                null, null);
        QueryRecord.Decoded decoded = QueryRecord.decodeRecord(QueryRecord.text(
                QueryRecord.encode(read, FollowerTotals.json(totals))));
        assertThat(decoded.request()).isEqualTo(read);
        assertThat(FollowerTotals.parse(decoded.followerResults())).isEqualTo(totals);
        assertThat(QueryRecord.decodeRecord(QueryRecord.text(QueryRecord.encode(read))).followerResults())
                .as("a plain read carries none").isNull();
    }

    @Test
    void suppliedResultsNameTheirExpertsAndGiveNoneToOthers() {
        FollowerResults.Source source = FollowerResults.supplied(Map.of("A", r("-1", 1, 1)));
        com.copyguard.core.engine.Engine engine = com.copyguard.durability.Engines.fresh();
        engine.apply(new com.copyguard.core.command.PutExpert("A", null, null, new BigDecimal("100")));
        engine.apply(new com.copyguard.core.command.PutExpert("B", null, null, new BigDecimal("100")));
        assertThat(source.of(engine.ledger().expert("A"), engine.ledger())).isEqualTo(r("-1", 1, 1));
        assertThat(source.of(engine.ledger().expert("B"), engine.ledger())).isEqualTo(FollowerResults.NONE);
        assertThat(FollowerTotals.shardAnswer(engine, FollowerTotals.request(null)).path("experts").size())
                .as("experts without a subscription here are left out").isZero();
    }

    private static com.copyguard.core.engine.Engine engineFollowing(List<String> experts) {
        com.copyguard.core.engine.Engine engine = com.copyguard.durability.Engines.fresh();
        for (String expert : experts) {
            engine.apply(new com.copyguard.core.command.PutExpert(expert, null, null, new BigDecimal("10000")));
            engine.apply(new com.copyguard.core.command.Follow("f-" + expert, expert,
                    com.copyguard.core.model.FollowMode.MULTIPLIER, new BigDecimal("1000"), null, new BigDecimal("0.1"),
                    false, null, 1_700_000_000_000L, false));
        }
        return engine;
    }

    @Test
    void aShareComesInChunksInIdOrder() {
        com.copyguard.core.engine.Engine engine = engineFollowing(List.of("C", "A", "B"));
        ObjectNode first = FollowerTotals.shardAnswer(engine, FollowerTotals.request(null, 2));
        assertThat(first.path("experts").fieldNames()).toIterable().containsExactly("A", "B");
        assertThat(first.path("more").asBoolean()).isTrue();
        ObjectNode second = FollowerTotals.shardAnswer(engine, FollowerTotals.request("B", 2));
        assertThat(second.path("experts").fieldNames()).toIterable().containsExactly("C");
        assertThat(second.path("more").asBoolean()).isFalse();
        assertThat(FollowerTotals.shardAnswer(engine, FollowerTotals.request("B")).path("experts").path("B").get(1).asInt())
                .as("one expert's share").isEqualTo(1);
    }

    @Test
    void roundsAbsorbEveryExpertOnceUpToTheLowestLastIdOfAShardWithMore() {
        // shard 0 holds A, B, D, E; shard 1 holds B, C; chunks of 2
        SortedMap<String, FollowerResults> sums = new TreeMap<>();
        String next = FollowerTotals.absorb(sums, List.of(
                round(0, true, "A", "B"), round(1, false, "B", "C")));
        assertThat(next).isEqualTo("B");
        assertThat(sums).containsOnlyKeys("A", "B").containsEntry("B", r("2", 2, 2));
        // the next round asks every shard above B: shard 1 sends C again, absorbed now
        next = FollowerTotals.absorb(sums, List.of(round(0, false, "D", "E"), round(1, false, "C")));
        assertThat(next).isNull();
        assertThat(sums).containsOnlyKeys("A", "B", "C", "D", "E");
        assertThat(sums.get("C")).isEqualTo(r("1", 1, 1));
    }

    @Test
    void theLowestLastIdAmongShardsWithMoreBoundsTheRound() {
        SortedMap<String, FollowerResults> sums = new TreeMap<>();
        String next = FollowerTotals.absorb(sums, List.of(round(0, true, "A", "D"), round(1, true, "B", "C")));
        assertThat(next).as("shard 1 may hold more between C and D").isEqualTo("C");
        assertThat(sums).containsOnlyKeys("A", "B", "C");
    }

    private static ShardReply round(int shard, boolean more, String... experts) {
        Map<String, FollowerResults> share = new java.util.LinkedHashMap<>();
        for (String e : experts) {
            share.put(e, r("1", 1, 1));
        }
        return new ShardReply("r", shard, 2, 200, FollowerTotals.json(share).put("more", more), null);
    }

    @Test
    void sumsOfMoreExpertsThanARecordCarriesTravelInStagedParts() {
        SortedMap<String, FollowerResults> sums = new TreeMap<>();
        for (String e : List.of("A", "B", "C", "D", "E")) {
            sums.put(e, r("1", 1, 1));
        }
        List<ObjectNode> parts = FollowerTotals.parts(sums, 2, "s1");
        assertThat(parts).hasSize(3);
        assertThat(parts.get(2).path("stage").path("parts").asInt()).isEqualTo(3);
        assertThat(parts.get(1).path("experts").fieldNames()).toIterable().containsExactly("C", "D");
        assertThat(FollowerTotals.parts(new TreeMap<>(Map.of("A", r("1", 1, 1))), 2, "s2").get(0).has("stage"))
                .as("one record: no stage").isFalse();
        assertThat(FollowerTotals.parts(new TreeMap<>(), 2, "s3")).hasSize(1);
    }
}
