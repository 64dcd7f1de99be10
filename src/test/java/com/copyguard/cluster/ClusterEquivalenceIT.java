package com.copyguard.cluster;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The same generated input stream (every kind of input) through a single-node engine and through
 * the cluster on a real in-process Kafka, with 16 shards over 1 and 2 workers (4 with
 * {@code -Dcopyguard.cluster=full}, which also runs longer streams): the same answers, the same
 * decisions, the same state for every follower, the same expert figures and screening (also with
 * the followers' sums gathered in chunks of 2 experts), and the same desk-wide decision and risk
 * action lists in the one newest-first order (up to the order within one market input's span).
 */
class ClusterEquivalenceIT {
    static final boolean FULL = "full".equals(System.getProperty("copyguard.cluster"));
    private static KafkaTestCluster kafka;
    @org.junit.jupiter.api.io.TempDir
    static java.nio.file.Path keys;

    @BeforeAll
    static void startKafka() {
        kafka = KafkaTestCluster.start(1);
    }

    @AfterAll
    static void stopKafka() throws Exception {
        kafka.close();
    }

    @ParameterizedTest(name = "{0} worker(s) x 16 shards")
    @ValueSource(ints = {1, 2})
    void sameDecisionsAndStateAsOneEngine(int workers) {
        check(workers, 11 + workers, FULL ? 3000 : 150, FULL ? 12 : 4, FULL ? 300 : 40);
    }

    @Test
    @EnabledIfSystemProperty(named = "copyguard.cluster", matches = "full")
    void fourWorkers() {
        check(4, 17, 3000, 12, 300);
    }

    /**
     * The scenario's expert is flagged FOLLOWERS_LOSING by the single engine (its followers lose in
     * total), while the winner's shard, screening with only its own followers, would not flag it:
     * so the ingress's screening (compared with the single engine's below) must sum over shards.
     */
    private static void assertFollowersLosingOnlyAcrossShards(InProcessCluster cluster, ReferenceRun run,
                                                             FollowersLosingScenario losing) {
        com.copyguard.core.screening.ScreeningViews.ScreeningView whole = com.copyguard.core.screening.ScreeningQueries
                .screening(run.single(), FollowersLosingScenario.EXPERT);
        org.assertj.core.api.Assertions.assertThat(whole.flags()).extracting(f -> f.code())
                .as(whole.toString()).contains(com.copyguard.core.screening.FlagCode.FOLLOWERS_LOSING);
        org.assertj.core.api.Assertions.assertThat(whole.metrics().followers()).isEqualTo(4);
        com.copyguard.core.screening.ScreeningViews.ScreeningView local = cluster.read(cluster.routing().ofFollower(losing.winner()),
                s -> com.copyguard.core.screening.ScreeningQueries.screening(s.engine(), FollowersLosingScenario.EXPERT));
        org.assertj.core.api.Assertions.assertThat(local.metrics().followers()).as("the winner is alone on its shard").isEqualTo(1);
        org.assertj.core.api.Assertions.assertThat(local.metrics().followersPnl()).as("and wins").isPositive();
        org.assertj.core.api.Assertions.assertThat(local.flags()).extracting(f -> f.code())
                .doesNotContain(com.copyguard.core.screening.FlagCode.FOLLOWERS_LOSING);
    }

    /** The experts' figures as the ingress answers GET /experts/{id} (summed over the shards) equal the single engine's. */
    private static void assertSameExpertsOverHttp(InProcessCluster cluster, ReferenceRun run) {
        com.copyguard.api.security.SigningKey key = com.copyguard.api.security.SigningKey.loadOrCreate(keys);
        try (com.copyguard.api.security.Tokens4Tests tokens = new com.copyguard.api.security.Tokens4Tests(keys);
             com.copyguard.cluster.ingress.ClusterIngress ingress = com.copyguard.cluster.ingress.ClusterIngress.start(
                     cluster.gateway(), "127.0.0.1", 0, key, new com.copyguard.api.security.SecurityOptions(
                             java.util.List.of(), java.util.List.of(), null, null, null, null),
                     com.copyguard.durability.writer.WallClockGuard.DEFAULT)) {
            com.copyguard.testing.ApiClient desk = new com.copyguard.testing.ApiClient(ingress.port(),
                    tokens.token("desk", com.copyguard.api.security.Role.DESK, null));
            long followers = run.assertSameExperts(desk);
            org.assertj.core.api.Assertions.assertThat(followers).as("experts with followers were compared").isPositive();
            run.assertSameScreening(desk, SCREENING_LISTINGS);
            // more experts with followers than one record carries: the shares come in rounds, the sums in parts
            long withFollowers = run.single().ledger().experts().stream().filter(e -> !e.subscriptionIds().isEmpty()).count();
            org.assertj.core.api.Assertions.assertThat(withFollowers).as("more experts than a chunk").isGreaterThan(2);
            int chunk = FollowerTotals.chunk;
            FollowerTotals.chunk = 2;
            try {
                run.assertSameScreening(desk, SCREENING_LISTINGS);
            } finally {
                FollowerTotals.chunk = chunk;
            }
            // the desk-wide lists in the one newest-first order, in small pages and whole ones
            for (int limit : new int[] {7, 1000}) {
                org.assertj.core.api.Assertions.assertThat(run.assertSameDeskLists(desk, limit)).as("items compared")
                        .isGreaterThan(limit == 7 ? 50 : 0);
            }
        }
    }

    /** GET /experts as the equivalence check lists it: every filter and sort, small pages and whole ones. */
    private static final java.util.List<String> SCREENING_LISTINGS = java.util.List.of("", "limit=2",
            "sort=followersPnl&limit=3", "sort=followers&order=asc", "sort=roi&limit=4", "sort=expertId&order=desc",
            "sort=maxDrawdown", "sort=winRate&limit=5", "sort=tradingDays", "verdict=AVOID", "verdict=RECOMMENDED",
            "verdict=CAUTION&limit=1", "flag=FOLLOWERS_LOSING", "minTradingDays=2&sort=followersPnl&order=asc");

    private static void check(int workers, long seed, int inputs, int experts, int maxSubscriptions) {
        try (InProcessCluster cluster = new InProcessCluster(kafka, 16, workers, null, 0)) {
            ReferenceRun run = new ReferenceRun(cluster, seed, experts, maxSubscriptions);
            run.run(Math.max(1, maxSubscriptions / experts / 2), inputs, i -> { });
            FollowersLosingScenario losing = new FollowersLosingScenario(cluster.routing(), run.single().ledger().clock(),
                    run.single().ledger().prices().get("BTCUSDT").price());
            run.send(losing.commands());
            assertFollowersLosingOnlyAcrossShards(cluster, run, losing);
            run.assertSameFollowerState();
            assertSameExpertsOverHttp(cluster, run);
            // the stream must be what it claims: hardly anything left out
            org.assertj.core.api.Assertions.assertThat(run.leftOut().size()).as("inputs left out").isLessThan(inputs / 10);
            // maxFollowers is counted across shards: some follows met a full expert, on both sides alike
            org.assertj.core.api.Assertions.assertThat(run.refusals()).as("refusals").containsKey("EXPERT_FULL");
            // the losing scenario's newcomer was refused: EXPERT_AVOID counted the other shards' followers
            org.assertj.core.api.Assertions.assertThat(run.refusals()).as("refusals").containsKey("EXPERT_AVOID");
            // token budgets bound: copies were refused TOKEN_LIMIT (and others taken) over followers on many shards
            org.assertj.core.api.Assertions.assertThat(run.reasons()).as("decisions by reason").containsKey("TOKEN_LIMIT");
        }
    }
}
