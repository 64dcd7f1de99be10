package com.copyguard.core.screening;

import static com.copyguard.core.screening.ScreeningApi.at;
import static com.copyguard.core.screening.ScreeningApi.day;
import static com.copyguard.core.screening.ScreeningApi.flagCodes;
import static com.copyguard.core.screening.ScreeningApi.metric;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.copyguard.testing.ApiClient;
import com.copyguard.testing.ApiClient.Response;
import com.copyguard.testing.RunningService;
import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Histories derived from what the service already sees: the expert's fills (with or without
 * reported equity), price inputs moving its open positions, and its followers' results. A fresh
 * service per test, because prices are shared by everyone on the service.
 */
class ScreeningTradingIT {
    private Path dataDir;
    private RunningService service;
    private ApiClient api;
    private ScreeningApi screening;

    @BeforeEach
    void start() throws Exception {
        dataDir = Files.createTempDirectory("copyguard-screening-it");
        service = RunningService.start(dataDir);
        api = service.api();
        screening = new ScreeningApi(api);
    }

    @AfterEach
    void stop() {
        service.close();
    }

    private Response prices(long time, String symbol, String price) {
        Response r = api.post("/prices", "{\"time\":" + time + ",\"prices\":[{\"symbol\":\"" + symbol + "\",\"price\":\""
                + price + "\"}]}");
        assertThat(r.status()).as(r.raw()).isEqualTo(200);
        return r;
    }

    @Test
    void fillsAndPricesBuildTheDailyEquityAndTheWinRate() {
        api.put("/experts/trader", "{}");
        // day -3: opens 100 XRP long at 2.0 and reports equity 1000
        screening.fill("trader", "t1", "XRPUSDT", "OPEN_LONG", "100", "2.0", at(3, 10), "1000");
        // day -2: XRP at 2.5 → +50 unrealized
        prices(at(2, 10), "XRPUSDT", "2.5");
        // day -1: closes at 2.5 (+50 realized, a winner), opens 100 short at 2.5
        screening.fill("trader", "t2", "XRPUSDT", "CLOSE_LONG", "100", "2.5", at(1, 10), null);
        screening.fill("trader", "t3", "XRPUSDT", "OPEN_SHORT", "100", "2.5", at(1, 11), null);
        // day 0: closes the short at 2.6 (-10, a loser); the repeated fill changes nothing
        screening.fill("trader", "t4", "XRPUSDT", "CLOSE_SHORT", "100", "2.6", at(0, 10), null);
        screening.fill("trader", "t4", "XRPUSDT", "CLOSE_SHORT", "100", "2.6", at(0, 10), null);

        JsonNode days = api.get("/experts/trader/equity").body().path("days");
        assertThat(days).hasSize(4);
        String[][] expected = {{day(3), "1000"}, {day(2), "1050"}, {day(1), "1050"}, {day(0), "1040"}};
        for (int i = 0; i < 4; i++) {
            assertThat(days.get(i).path("day").asText()).isEqualTo(expected[i][0]);
            assertThat(days.get(i).path("equity").asText()).isEqualTo(expected[i][1]);
        }
        JsonNode s = screening.screening("trader");
        JsonNode m = s.path("metrics");
        assertThat(m.path("tradingDays").asInt()).isEqualTo(4);
        assertThat(m.path("roi").asText()).isEqualTo("0.04");
        assertThat(m.path("closedPositions").asInt()).isEqualTo(2);
        assertThat(m.path("winRate").asText()).isEqualTo("0.5");
        assertThat(m.path("maxDrawdown").asText()).isEqualTo("0.009524");
        assertThat(m.path("majorsOnly").asBoolean()).isFalse();
        assertThat(m.path("symbolsTraded").get(0).asText()).isEqualTo("XRPUSDT");
        assertThat(flagCodes(s)).containsExactly("NEWBIE");
    }

    /** An expert up 20 % over 90 days whom one follower joins just before a trade. */
    private void expertWithFollower(String expertId) {
        screening.load(expertId, Curves.from(1000).to(1.2, 89));
        Response f = api.post("/subscriptions", "{\"followerId\":\"F1\",\"expertId\":\"" + expertId
                + "\",\"mode\":\"SMART_RATIO\",\"amount\":\"500\",\"time\":" + at(0, 13) + "}");
        assertThat(f.status()).as(f.raw()).isEqualTo(201);
        Response fill = screening.fill(expertId, "open", "BTCUSDT", "OPEN_LONG", "0.01", "50000", at(0, 14), null);
        assertThat(fill.body().path("copied").asInt()).isEqualTo(1);
    }

    @Test
    void followersLosingShowsWhenTheyLoseWhileTheExpertWins() {
        expertWithFollower("lead");
        prices(at(0, 15), "BTCUSDT", "45000");   // follower's 0.004 BTC: -20; expert's 0.01: -50 of 1200
        JsonNode s = screening.screening("lead");
        assertThat(metric(s, "roi")).isCloseTo(0.15, within(0.000001));
        assertThat(s.path("metrics").path("followersPnl").asText()).isEqualTo("-20");
        assertThat(s.path("metrics").path("followers").asInt()).isEqualTo(1);
        assertThat(flagCodes(s)).as(s.toString()).containsExactly("FOLLOWERS_LOSING");
        assertThat(s.path("verdict").asText()).isEqualTo("AVOID");
    }

    @Test
    void followersWinningWithTheExpertRaiseNoFlag() {
        expertWithFollower("lead");
        prices(at(0, 15), "BTCUSDT", "55000");
        JsonNode s = screening.screening("lead");
        assertThat(metric(s, "roi")).isCloseTo(0.25, within(0.000001));
        assertThat(s.path("metrics").path("followersPnl").asText()).isEqualTo("20");
        assertThat(flagCodes(s)).isEmpty();
        assertThat(s.path("verdict").asText()).isEqualTo("RECOMMENDED");
    }

    @Test
    void historiesAreRebuiltFromTheJournalOnRestart() {
        expertWithFollower("lead");
        prices(at(0, 15), "BTCUSDT", "45000");
        screening.load("cliff", Curves.from(1000).to(1.6, 80).to(0.75, 5).flat(4));
        JsonNode before = api.get("/experts").body().path("items");
        JsonNode lead = screening.screening("lead");
        service.close();
        service = RunningService.start(dataDir);
        api = service.api();
        screening = new ScreeningApi(api);
        assertThat(api.get("/experts").body().path("items")).isEqualTo(before);
        assertThat(screening.screening("lead")).isEqualTo(lead);
    }
}
