package com.copyguard.console;

import static org.assertj.core.api.Assertions.assertThat;

import com.copyguard.testing.ApiClient.Response;
import com.copyguard.testing.SharedService;
import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The read side over HTTP: followings with their figures, the leaderboard, trading history, previews. */
class ReadApiIT extends SharedService {
    /** These tests send event times near the wall clock as they are, not as offsets from EventTimes.T0. */
    private final com.copyguard.testing.Scenario absolute = new com.copyguard.testing.Scenario(api, 0);
    private final long t0 = System.currentTimeMillis() - 600_000;

    private static BigDecimal dec(JsonNode n, String field) {
        return new BigDecimal(n.path(field).asText());
    }

    private String follow(String follower, String expert, String settings) {
        return absolute.follow("{\"followerId\":\"" + follower + "\",\"expertId\":\"" + expert + "\",\"mode\":\"MULTIPLIER\","
                + "\"amount\":\"100\",\"multiplier\":\"0.1\",\"settings\":" + settings + ",\"time\":" + t0 + "}")
                .text("subscriptionId");
    }

    /** Each test trades its own symbol, so prices from the other tests never move its marks. */
    private void roundTrip(String expert, String symbol, String id, String open, String close, long at) {
        absolute.fill(expert, id + "-o", symbol, "OPEN_LONG", "0.1", open, 100, t0 + at);
        absolute.fill(expert, id + "-c", symbol, "CLOSE_LONG", "0.1", close, 100, t0 + at + 1_000);
    }

    @Test
    void aFollowersFollowingsCarryInvestedEquityPnlRoiAndWinRate() {
        absolute.instrument("RAXUSDT", "0.0006").expert("ra-x", "1000").expert("ra-y", "1000");
        String s1 = follow("ra-f", "ra-x", "{\"leverage\":{\"mode\":\"FIXED\",\"value\":20}}");
        String s2 = follow("ra-f", "ra-y", "{\"leverage\":{\"mode\":\"FIXED\",\"value\":20}}");
        roundTrip("ra-x", "RAXUSDT", "ra1", "100000", "110000", 10_000);   // +100 for the copy
        roundTrip("ra-x", "RAXUSDT", "ra2", "100000", "95000", 20_000);    // -50
        roundTrip("ra-x", "RAXUSDT", "ra3", "100000", "101000", 30_000);   // +10
        absolute.fill("ra-x", "ra4-o", "RAXUSDT", "OPEN_LONG", "0.1", "100000", 100, t0 + 40_000);

        JsonNode page = api.get("/followers/ra-f/subscriptions").body();
        assertThat(page.path("items")).extracting(n -> n.path("subscriptionId").asText()).containsExactly(s2, s1);
        assertThat(page.path("nextCursor").isNull()).isTrue();
        JsonNode f = page.path("items").get(1);
        JsonNode sub = api.get("/subscriptions/" + s1).body();
        assertThat(f.path("expertId").asText()).isEqualTo("ra-x");
        assertThat(f.path("closedCopies").asInt()).isEqualTo(3);
        assertThat(f.path("profitableCopies").asInt()).isEqualTo(2);
        assertThat(dec(f, "winRate")).isEqualByComparingTo(new BigDecimal("0.666667"));
        assertThat(f.path("openPositions").asInt()).isEqualTo(1);
        assertThat(dec(f, "invested")).isEqualByComparingTo("100");
        assertThat(dec(f, "realizedPnl")).isEqualByComparingTo(dec(sub, "realizedPnl")).isEqualByComparingTo("60");
        assertThat(dec(f, "fees")).isEqualByComparingTo(dec(sub, "fees"));
        BigDecimal unrealized = dec(sub.path("positions").get(0), "unrealizedPnl");
        assertThat(dec(f, "unrealizedPnl")).isEqualByComparingTo(unrealized);
        BigDecimal net = dec(f, "realizedPnl").subtract(dec(f, "fees")).add(unrealized);
        assertThat(dec(f, "netPnl")).isEqualByComparingTo(net);
        assertThat(dec(f, "roi")).isEqualByComparingTo(net.divide(new BigDecimal("100"), 6, java.math.RoundingMode.HALF_EVEN));
        // a shared pool: equity per following = invested + net PnL - profit share paid
        assertThat(dec(f, "equity")).isEqualByComparingTo(new BigDecimal("100").add(net).subtract(dec(f, "profitSharePaid")));
        assertThat(dec(f, "pendingProfitShare")).isEqualByComparingTo(dec(sub, "pendingProfitShare"));
        JsonNode other = page.path("items").get(0);
        assertThat(other.path("winRate").isNull()).as("no closed copy yet").isTrue();

        JsonNode first = api.get("/followers/ra-f/subscriptions?limit=1").body();
        assertThat(first.path("items")).hasSize(1);
        JsonNode second = api.get("/followers/ra-f/subscriptions?limit=1&cursor=" + first.path("nextCursor").asText()).body();
        assertThat(second.path("items").get(0).path("subscriptionId").asText()).isEqualTo(s1);
        assertThat(second.path("nextCursor").isNull()).isTrue();
        assertThat(api.get("/followers/nobody/subscriptions").body().path("items")).isEmpty();
        assertThat(api.get("/followers/ra-f/subscriptions?cursor=nonsense").error()).isEqualTo("INVALID_CURSOR");
        assertThat(api.get("/followers/ra-f/subscriptions?limit=0").status()).isEqualTo(400);
    }

    @Test
    void anExpertsTradingHistoryIsPagedNewestFirst() {
        absolute.instrument("RATUSDT", "0.0006").expert("ra-t", "1000");
        roundTrip("ra-t", "RATUSDT", "rt1", "100000", "110000", 10_000);
        roundTrip("ra-t", "RATUSDT", "rt2", "100000", "95000", 20_000);
        roundTrip("ra-t", "RATUSDT", "rt3", "100000", "100000", 30_000);
        JsonNode page = api.get("/experts/ra-t/trades?limit=2").body();
        assertThat(page.path("items")).extracting(n -> n.path("seq").asLong()).containsExactly(3L, 2L);
        JsonNode t2 = page.path("items").get(1);
        assertThat(t2.path("openTime").asLong()).isEqualTo(t0 + 20_000);
        assertThat(t2.path("closeTime").asLong()).isEqualTo(t0 + 21_000);
        assertThat(dec(t2, "entryPrice")).isEqualByComparingTo("100000");
        assertThat(dec(t2, "exitPrice")).isEqualByComparingTo("95000");
        assertThat(dec(t2, "qty")).isEqualByComparingTo("0.1");
        assertThat(dec(t2, "realizedPnl")).isEqualByComparingTo("-500");
        JsonNode rest = api.get("/experts/ra-t/trades?limit=2&cursor=" + page.path("nextCursor").asText()).body();
        assertThat(rest.path("items")).extracting(n -> n.path("seq").asLong()).containsExactly(1L);
        assertThat(rest.path("nextCursor").isNull()).isTrue();
        assertThat(api.get("/experts/nobody/trades").status()).isEqualTo(404);
    }

    @Test
    void theLeaderboardSortsFiltersAndRefusesWhatItDoesNotKnow() {
        absolute.instrument("RALUSDT", "0.0006").expert("ra-lb-a", "1000").expert("ra-lb-b", "1000");
        roundTrip("ra-lb-a", "RALUSDT", "lba", "100000", "110000", 10_000);
        roundTrip("ra-lb-b", "RALUSDT", "lbb", "100000", "90000", 10_000);
        JsonNode board = api.get("/experts?sort=winRate&limit=1000").body().path("items");
        List<String> ids = new ArrayList<>();
        board.forEach(n -> ids.add(n.path("expertId").asText()));
        assertThat(ids.indexOf("ra-lb-a")).isLessThan(ids.indexOf("ra-lb-b"));
        JsonNode a = board.get(ids.indexOf("ra-lb-a"));
        assertThat(dec(a, "winRate")).isEqualByComparingTo("1");
        assertThat(a.path("closedPositions").asInt()).isEqualTo(1);
        JsonNode asc = api.get("/experts?sort=winRate&order=asc&limit=1000").body().path("items");
        List<String> ascIds = new ArrayList<>();
        asc.forEach(n -> ascIds.add(n.path("expertId").asText()));
        assertThat(ascIds.indexOf("ra-lb-b")).isLessThan(ascIds.indexOf("ra-lb-a"));
        assertThat(api.get("/experts?sort=roi&limit=1").body().path("items")).hasSize(1);
        for (JsonNode n : api.get("/experts?flag=NOT_PROFITABLE").body().path("items")) {
            assertThat(n.path("flags").toString()).contains("NOT_PROFITABLE");
        }
        assertThat(api.get("/experts?sort=luck").status()).isEqualTo(400);
        assertThat(api.get("/experts?flag=LUCKY").error()).isEqualTo("INVALID_PARAMETER");
        assertThat(api.get("/experts?limit=5000").status()).isEqualTo(400);
    }

    @Test
    void aWithdrawalPreviewTellsWhatTheWithdrawalThenDoesAndChangesNothing() {
        absolute.instrument("RAWUSDT", "0.0006").expert("ra-w", "1000");
        String sub = follow("ra-wf", "ra-w", "{\"leverage\":{\"mode\":\"FIXED\",\"value\":20}}");
        roundTrip("ra-w", "RAWUSDT", "rw1", "100000", "110000", 10_000);
        String account = api.get("/subscriptions/" + sub).text("accountId");
        String before = api.get("/accounts/" + account).raw();
        Response small = api.post("/accounts/" + account + "/withdrawals/preview", "{\"amount\":\"10\"}");
        assertThat(small.status()).as(small.raw()).isEqualTo(200);
        assertThat(small.body().path("freezes").asBoolean()).isFalse();
        JsonNode big = api.post("/accounts/" + account + "/withdrawals/preview", "{\"amount\":\"180\"}").body();
        assertThat(big.path("freezes").asBoolean()).isTrue();
        assertThat(big.path("rulesFired").toString()).contains("Freeze pending profit share on withdrawal");
        assertThat(api.get("/accounts/" + account).raw()).as("a preview changes nothing").isEqualTo(before);
        JsonNode done = api.post("/accounts/" + account + "/withdrawals",
                "{\"amount\":\"180\",\"requestId\":\"ra-w1\",\"time\":" + (t0 + 60_000) + "}").body();
        assertThat(done.path("frozenAdded").asText()).isEqualTo(big.path("freezeAdded").asText());
        assertThat(done.path("paid").asText()).isEqualTo(big.path("paid").asText());
        assertThat(api.post("/accounts/" + account + "/withdrawals/preview", "{\"amount\":\"-1\"}").status()).isEqualTo(400);
        assertThat(api.post("/accounts/nope/withdrawals/preview", "{\"amount\":\"1\"}").status()).isEqualTo(404);
    }

    @Test
    void positionsShowTheMarksWhereLiquidationStopLossAndTakeProfitWouldAct() {
        absolute.instrument("RAPUSDT", "0.0006").expert("ra-p", "1000");
        String guarded = follow("ra-pf", "ra-p", "{\"leverage\":{\"mode\":\"FIXED\",\"value\":20},\"marginMode\":\"ISOLATED\","
                + "\"stopLossRatio\":\"0.5\",\"takeProfitRatio\":\"1\"}");
        String bare = follow("ra-pg", "ra-p", "{\"leverage\":{\"mode\":\"FIXED\",\"value\":20},\"marginMode\":\"ISOLATED\"}");
        absolute.fill("ra-p", "rp-o", "RAPUSDT", "OPEN_LONG", "0.1", "100000", 100, t0 + 10_000);
        // each copy: qty 0.01 at 100000, margin 50, maintenance margin rate 0.005
        JsonNode p = api.get("/subscriptions/" + guarded).body().path("positions").get(0);
        assertThat(dec(p, "stopLossPrice")).isEqualByComparingTo("97500");               // 100000 - 0.5 × 50 / 0.01
        assertThat(dec(p, "takeProfitPrice")).isEqualByComparingTo("105000");            // 100000 + 1 × 50 / 0.01
        JsonNode b = api.get("/subscriptions/" + bare).body().path("positions").get(0);
        assertThat(dec(b, "liquidationPrice")).isEqualByComparingTo("95477.38693467");   // (1000 - 50) / (0.01 × 0.995)
        assertThat(b.path("stopLossPrice").isNull()).isTrue();

        // the rules act where the page says they would: not just above, just below
        absolute.prices(t0 + 20_000, "RAPUSDT", "97600");
        assertThat(api.get("/risk-actions?subscriptionId=" + guarded).body().path("items")).isEmpty();
        absolute.prices(t0 + 30_000, "RAPUSDT", "97400");
        assertThat(api.get("/risk-actions?subscriptionId=" + guarded).body().findValuesAsText("reason")).containsExactly("STOP_LOSS");
        absolute.prices(t0 + 40_000, "RAPUSDT", "95478");
        assertThat(api.get("/risk-actions?subscriptionId=" + bare).body().path("items")).isEmpty();
        absolute.prices(t0 + 50_000, "RAPUSDT", "95477");
        assertThat(api.get("/risk-actions?subscriptionId=" + bare).body().findValuesAsText("reason")).contains("LIQUIDATION");
    }
}
