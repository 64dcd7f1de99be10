package com.copyguard.core.screening;

import static com.copyguard.core.screening.ScreeningApi.END;
import static com.copyguard.core.screening.ScreeningApi.at;
import static com.copyguard.core.screening.ScreeningApi.flagCodes;
import static com.copyguard.core.screening.ScreeningApi.metric;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.copyguard.testing.ApiClient;
import com.copyguard.testing.ApiClient.Response;
import com.copyguard.testing.RunningService;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Synthetic equity histories loaded with POST /experts/{id}/equity: each flag shows on a curve
 * with its pattern and not on a steady curve of (about) the same overall return, and the verdict
 * follows. Every history ends on {@link ScreeningApi#END}, so they share one as-of day.
 */
class ScreeningCurvesIT {
    /** The version rules/ACTIVE names: what a fresh data directory starts with. */
    private static final String ACTIVE = com.copyguard.testing.TestRuleVersions.activeVersion();
    private static RunningService service;
    private static ApiClient api;
    private static ScreeningApi screening;

    @BeforeAll
    static void start() {
        service = RunningService.start();
        api = service.api();
        screening = new ScreeningApi(api);
    }

    @AfterAll
    static void stop() {
        service.close();
    }

    private static Curves steady(double total) {
        return Curves.from(1000).to(total, 89);
    }

    /** Loads the patterned and the steady curve, checks they end at about the same return, returns both screenings. */
    private static JsonNode[] pair(String name, Curves pattern, double total) {
        screening.load(name, pattern).load(name + "-steady", steady(total));
        JsonNode p = screening.screening(name);
        JsonNode s = screening.screening(name + "-steady");
        assertThat(metric(p, "roi")).isCloseTo(metric(s, "roi"), within(0.015));
        assertThat(flagCodes(s)).as(s.toString()).isEmpty();
        assertThat(s.path("verdict").asText()).isEqualTo("RECOMMENDED");
        return new JsonNode[] {p, s};
    }

    @Test
    void aSteadyCurveIsRecommendedWithItsMetrics() {
        screening.load("steady", steady(1.5));
        JsonNode s = screening.screening("steady");
        assertThat(s.path("expertId").asText()).isEqualTo("steady");
        assertThat(s.path("ruleSet").asText()).isEqualTo(ACTIVE);
        assertThat(s.path("verdict").asText()).isEqualTo("RECOMMENDED");
        assertThat(s.path("verdictRule").asText()).startsWith("Screening verdict: RECOMMENDED");
        assertThat(s.path("flags").isArray()).isTrue();
        assertThat(s.path("flags")).isEmpty();
        JsonNode m = s.path("metrics");
        assertThat(m.path("tradingDays").asInt()).isEqualTo(90);
        assertThat(m.path("firstDay").asText()).isEqualTo(ScreeningApi.day(89));
        assertThat(m.path("asOfDay").asText()).isEqualTo(END.toString());
        assertThat(metric(s, "roi")).isCloseTo(0.5, within(0.000001));
        assertThat(metric(s, "maxDrawdown")).isBetween(0.0, 0.01);
        assertThat(metric(s, "volatility")).isBetween(0.001, 0.01);
        assertThat(metric(s, "sharpe")).isPositive();
        assertThat(m.path("winRate").isNull()).isTrue();
        assertThat(m.path("majorsOnly").asBoolean()).isFalse();
        assertThat(m.path("followersPnl").asText()).isEqualTo("0");
        assertThat(m.path("followers").asInt()).isZero();

        JsonNode history = api.get("/experts/steady/equity").body();
        assertThat(history.path("days")).hasSize(90);
        assertThat(history.path("days").get(0).path("index").asText()).isEqualTo("1");
        assertThat(history.path("days").get(89).path("equity").asText()).isEqualTo("1500");
    }

    @Test
    void freefallShowsOnAClimbThatFallsOffACliff() {
        JsonNode[] r = pair("freefall", Curves.from(1000).to(1.6, 80).to(0.75, 5).flat(4), 1.2);
        assertThat(flagCodes(r[0])).as(r[0].toString()).containsExactly("FREEFALL");
        assertThat(r[0].path("flags").get(0).path("severity").asText()).isEqualTo("CRITICAL");
        assertThat(r[0].path("flags").get(0).path("detail").asText())
                .containsPattern("climbed 60\\.0 % over 80 days .*then fell 25\\.\\d % within 7 days");
        assertThat(r[0].path("verdict").asText()).isEqualTo("AVOID");
    }

    @Test
    void roundedTopShowsOnEarlyGainsThatFadeInTheRecentWeeks() {
        JsonNode[] r = pair("rounded", Curves.from(1000).to(1.6, 60).to(0.9375, 29), 1.5);
        assertThat(flagCodes(r[0])).as(r[0].toString()).containsExactly("ROUNDED_TOP");
        assertThat(r[0].path("verdict").asText()).isEqualTo("CAUTION");
    }

    @Test
    void heartMonitorShowsOnLargeSwingsBothWays() {
        JsonNode[] r = pair("heart", Curves.from(1000).swings(0.12, 0.09, 10).to(1.2 / Math.pow(1.12 * 0.91, 10), 69), 1.2);
        assertThat(flagCodes(r[0])).as(r[0].toString()).containsExactly("HEART_MONITOR");
        assertThat(metric(r[0], "volatility")).isGreaterThan(metric(r[1], "volatility") * 5);
        assertThat(r[0].path("verdict").asText()).isEqualTo("CAUTION");
    }

    @Test
    void deepDrawdownAbove50PercentShowsForAnyExpert() {
        JsonNode[] r = pair("deep", Curves.from(1000).to(1.8, 30).to(0.85 / 1.8, 40).to(1.3 / 0.85, 19), 1.3);
        assertThat(flagCodes(r[0])).as(r[0].toString()).containsExactly("DEEP_DRAWDOWN");
        assertThat(metric(r[0], "maxDrawdown")).isGreaterThan(0.5);
        assertThat(r[0].path("verdict").asText()).isEqualTo("AVOID");
    }

    @Test
    void deepDrawdownAbove30PercentShowsOnlyForAnExpertTradingOnlyMajors() {
        Curves dd35 = Curves.from(1000).to(1.5, 30).to(0.65, 40).to(1.3 / 0.975, 19);
        screening.load("majors", dd35).load("alts", dd35);
        // one round trip each at an unchanged price marks what they trade without moving equity
        screening.fill("majors", "m1", "BTCUSDT", "OPEN_LONG", "0.01", "60000", at(0, 13), null);
        screening.fill("majors", "m2", "BTCUSDT", "CLOSE_LONG", "0.01", "60000", at(0, 14), null);
        screening.fill("alts", "a1", "SOLUSDT", "OPEN_LONG", "1", "150", at(0, 13), null);
        screening.fill("alts", "a2", "SOLUSDT", "CLOSE_LONG", "1", "150", at(0, 14), null);
        JsonNode majors = screening.screening("majors");
        JsonNode alts = screening.screening("alts");
        assertThat(majors.path("metrics").path("majorsOnly").asBoolean()).isTrue();
        assertThat(alts.path("metrics").path("majorsOnly").asBoolean()).isFalse();
        assertThat(metric(majors, "maxDrawdown")).isCloseTo(0.35, within(0.01));
        assertThat(metric(majors, "roi")).isCloseTo(0.3, within(0.000001));
        assertThat(flagCodes(majors)).as(majors.toString()).containsExactly("DEEP_DRAWDOWN");
        assertThat(majors.path("verdict").asText()).isEqualTo("AVOID");
        assertThat(flagCodes(alts)).as(alts.toString()).isEmpty();
        assertThat(alts.path("verdict").asText()).isEqualTo("RECOMMENDED");
    }

    @Test
    void shortTrackRecordsAreNewbieThenUnproven() {
        screening.load("newbie", Curves.from(1000).to(1.2, 19)).load("unproven", Curves.from(1000).to(1.2, 44))
                .load("proven", steady(1.2));
        JsonNode newbie = screening.screening("newbie");
        JsonNode unproven = screening.screening("unproven");
        assertThat(newbie.path("metrics").path("tradingDays").asInt()).isEqualTo(20);
        assertThat(flagCodes(newbie)).containsExactly("NEWBIE");
        assertThat(newbie.path("verdict").asText()).isEqualTo("CAUTION");
        assertThat(flagCodes(unproven)).containsExactly("UNPROVEN");
        assertThat(unproven.path("verdict").asText()).isEqualTo("CAUTION");
        assertThat(flagCodes(screening.screening("proven"))).isEmpty();
    }

    @Test
    void anExpertWithoutHistoryIsANewbie() {
        api.put("/experts/blank", "{}");
        JsonNode s = screening.screening("blank");
        assertThat(s.path("metrics").path("tradingDays").asInt()).isZero();
        assertThat(flagCodes(s)).containsExactly("NEWBIE");
        assertThat(s.path("verdict").asText()).isEqualTo("CAUTION");
    }

    @Test
    void transfersDoNotCountAsReturns() {
        api.put("/experts/transfers", "{}");
        screening.equity("transfers", at(3, 12), "1000", null);
        screening.equity("transfers", at(2, 12), "1100", null);
        Response deposit = screening.equity("transfers", at(1, 12), "11100", "10000");
        assertThat(deposit.text("index")).isEqualTo("1.1");
        // withdraws 5000 and gains 5: 1.1 × (6105 + 5000) / 11100
        screening.equity("transfers", at(0, 12), "6105", "-5000");
        JsonNode s = screening.screening("transfers");
        assertThat(s.path("metrics").path("roi").asText()).isEqualTo("0.100495");
        assertThat(api.get("/experts/transfers").body().path("equity").asText()).isEqualTo("6105");
    }

    @Test
    void followsOfAvoidExpertsAreRefusedOnlyWhenAsked() {
        screening.load("cliff", Curves.from(1000).to(1.6, 80).to(0.75, 5).flat(4)).load("calm", steady(1.2));
        String follow = "{\"followerId\":\"F-%s\",\"expertId\":\"%s\",\"mode\":\"SMART_RATIO\",\"amount\":\"100\","
                + "\"time\":" + at(0, 15) + "%s}";
        Response refused = api.post("/subscriptions", follow.formatted("1", "cliff", ",\"refuseAvoidExperts\":true"));
        assertThat(refused.status()).as(refused.raw()).isEqualTo(409);
        assertThat(refused.error()).isEqualTo("EXPERT_AVOID");
        assertThat(refused.body().path("message").asText()).contains("FREEFALL");
        assertThat(api.get("/experts/cliff").body().path("followers").asInt()).isZero();

        Response calm = api.post("/subscriptions", follow.formatted("2", "calm", ",\"refuseAvoidExperts\":true"));
        assertThat(calm.status()).as(calm.raw()).isEqualTo(201);
        Response anyway = api.post("/subscriptions", follow.formatted("3", "cliff", ""));
        assertThat(anyway.status()).as(anyway.raw()).isEqualTo(201);
    }

    @Test
    void expertsCanBeListedByVerdict() {
        screening.load("list-avoid", Curves.from(1000).to(1.6, 80).to(0.75, 5).flat(4))
                .load("list-ok", steady(1.2));
        JsonNode avoid = api.get("/experts?verdict=AVOID").body().path("items");
        List<String> ids = new ArrayList<>();
        avoid.forEach(e -> ids.add(e.path("expertId").asText()));
        assertThat(ids).contains("list-avoid").doesNotContain("list-ok");
        avoid.forEach(e -> assertThat(e.path("verdict").asText()).isEqualTo("AVOID"));
        JsonNode item = avoid.get(ids.indexOf("list-avoid"));
        assertThat(item.path("flags").get(0).asText()).isEqualTo("FREEFALL");
        assertThat(item.path("tradingDays").asInt()).isEqualTo(90);

        List<String> all = new ArrayList<>();
        api.get("/experts").body().path("items").forEach(e -> all.add(e.path("expertId").asText()));
        assertThat(all).contains("list-avoid", "list-ok");
        Response bad = api.get("/experts?verdict=MAYBE");
        assertThat(bad.status()).isEqualTo(400);
    }

    @Test
    void badEquityReportsChangeNothing() {
        api.put("/experts/strict", "{}");
        screening.equity("strict", at(1, 12), "1000", null);
        Response old = api.post("/experts/strict/equity", "{\"time\":" + at(2, 12) + ",\"equity\":\"900\"}");
        assertThat(old.status()).isEqualTo(409);
        assertThat(old.error()).isEqualTo("EQUITY_OUT_OF_ORDER");
        Response negative = api.post("/experts/strict/equity", "{\"time\":" + at(0, 12) + ",\"equity\":\"-1\"}");
        assertThat(negative.status()).isEqualTo(400);
        Response transfer = api.post("/experts/strict/equity", "{\"time\":" + at(0, 12)
                + ",\"equity\":\"100\",\"transfer\":\"101\"}");
        assertThat(transfer.status()).isEqualTo(400);
        Response missing = api.post("/experts/strict/equity", "{\"equity\":\"100\"}");
        assertThat(missing.status()).isEqualTo(400);
        Response unknown = api.post("/experts/nobody/equity", "{\"time\":" + at(0, 12) + ",\"equity\":\"100\"}");
        assertThat(unknown.status()).isEqualTo(404);
        assertThat(api.get("/experts/nobody/screening").status()).isEqualTo(404);
        JsonNode days = api.get("/experts/strict/equity").body().path("days");
        assertThat(days).hasSize(1);
        assertThat(days.get(0).path("equity").asText()).isEqualTo("1000");
    }
}
