package com.copyguard.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import com.copyguard.api.ReadOperations;
import com.copyguard.core.screening.FollowerResults;
import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
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

    @Test
    void aShareOfMoreExpertsThanOneRecordHoldsIsNotSent() {
        com.copyguard.core.engine.Engine engine = com.copyguard.durability.Engines.fresh();
        for (String expert : List.of("A", "B")) {
            engine.apply(new com.copyguard.core.command.PutExpert(expert, null, null, new BigDecimal("10000")));
            engine.apply(new com.copyguard.core.command.Follow("f-" + expert, expert,
                    com.copyguard.core.model.FollowMode.MULTIPLIER, new BigDecimal("1000"), null, new BigDecimal("0.1"),
                    false, null, 1_700_000_000_000L, false));
        }
        assertThat(FollowerTotals.shardAnswer(engine, FollowerTotals.request(null), 2).path("experts").size()).isEqualTo(2);
        assertThat(FollowerTotals.shardAnswer(engine, FollowerTotals.request(null), 1)).isNull();
        assertThat(FollowerTotals.shardAnswer(engine, FollowerTotals.request("B"), 1).path("experts").path("B").get(1).asInt())
                .as("one expert's share is always sent").isEqualTo(1);
        assertThat(FollowerTotals.tooMany().path("error").asText()).isEqualTo("NOT_IN_CLUSTER_MODE");
    }
}
