package com.copyguard.it;

import static com.copyguard.it.FollowerControls.DAY;
import static com.copyguard.it.FollowerControls.HOUR;
import static com.copyguard.it.FollowerControls.MINUTE;
import static com.copyguard.it.FollowerControls.WEDNESDAY;
import static com.copyguard.it.FollowerControls.decisionOf;
import static com.copyguard.it.FollowerControls.expect;
import static com.copyguard.it.FollowerControls.only;
import static com.copyguard.testing.Ledgers.assertConsistent;
import static com.copyguard.testing.Ledgers.dec;
import static org.assertj.core.api.Assertions.assertThat;

import com.copyguard.testing.ApiClient.Response;
import com.copyguard.testing.RunningService;
import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * Issue 16 end to end over HTTP with exact numbers: pause and resume (with catch-up), loss limits
 * per UTC+8 day and week, the trailing drawdown guard around a deposit, follower capacity, and
 * isolated margin changes by a follower and by an expert. Each test runs its own service, because
 * loss-limit periods follow the service's event clock.
 */
class FollowerControlsIT {
    /** The version rules/ACTIVE names: what a fresh data directory starts with. */
    private static final String ACTIVE = com.copyguard.testing.TestRuleVersions.activeVersion();
    private static final long T = WEDNESDAY + HOUR;
    private static final String FIXED_10 = "{\"mode\":\"FIXED\",\"value\":10}";

    private RunningService service;
    private FollowerControls cg;

    @BeforeEach
    void start() {
        service = RunningService.start();
        cg = new FollowerControls(service.api());
    }

    @AfterEach
    void stop() {
        service.close();
    }

    @Test
    @DisplayName("Pause: an expert open is rejected PAUSED, its close is copied, settings are kept; resume makes it ACTIVE")
    void pauseRejectsOpensAndCopiesCloses() {
        cg.instrument("PAUSEUSDT").expert("px", "{\"equity\":\"10000\"}");
        String sub = cg.follow("pf", "px", "1000", "1", "{\"leverage\":" + FIXED_10
                + ",\"stopLossRatio\":\"0.5\",\"pairs\":[\"PAUSEUSDT\"]}", T).text("subscriptionId");
        assertThat(only(cg.fill("px", "p-o1", "PAUSEUSDT", "OPEN_LONG", "1", "100", "CROSS", T + 10_000))
                .path("outcome").asText()).isEqualTo("COPIED");

        JsonNode paused = expect(cg.pause(sub, T + 20_000), 200).body();
        assertThat(paused.path("status").asText()).isEqualTo("PAUSED");
        assertThat(paused.path("settings").path("stopLossRatio").asText()).isEqualTo("0.5");
        assertThat(paused.path("settings").path("pairs").toString()).isEqualTo("[\"PAUSEUSDT\"]");
        assertThat(expect(cg.pause(sub, T + 21_000), 409).error()).isEqualTo("ALREADY_PAUSED");

        JsonNode open = only(cg.fill("px", "p-o2", "PAUSEUSDT", "OPEN_LONG", "1", "100", "CROSS", T + 30_000));
        assertThat(open.path("outcome").asText()).isEqualTo("REJECTED");
        assertThat(open.path("reason").asText()).isEqualTo("PAUSED");
        JsonNode logged = cg.api().get("/decisions?fillId=p-o2").body().path("items").get(0);
        assertThat(logged.path("rulesFired").toString()).contains("Paused: no new opens");
        assertThat(logged.path("ruleSet").asText()).isEqualTo(ACTIVE);

        // the expert closes its 2 (1 copied before the pause): the paused copy of 1 closes at 110
        JsonNode close = only(cg.fill("px", "p-c1", "PAUSEUSDT", "CLOSE_LONG", "2", "110", "CROSS", T + 40_000));
        assertThat(close.path("outcome").asText()).isEqualTo("COPIED");
        assertThat(dec(close.path("qty"))).isEqualByComparingTo("1");
        JsonNode after = cg.subscription(sub);
        assertThat(after.path("positions")).isEmpty();
        assertThat(dec(after.path("realizedPnl"))).isEqualByComparingTo("10");
        assertThat(after.path("status").asText()).isEqualTo("PAUSED");

        assertThat(expect(cg.resume(sub, false, T + 50_000), 200).body().path("status").asText()).isEqualTo("ACTIVE");
        assertThat(expect(cg.resume(sub, false, T + 51_000), 409).error()).isEqualTo("NOT_PAUSED");
        assertThat(only(cg.fill("px", "p-o3", "PAUSEUSDT", "OPEN_LONG", "1", "100", "CROSS", T + 60_000))
                .path("outcome").asText()).isEqualTo("COPIED");
        assertConsistent(cg.api(), after.path("accountId").asText());
    }

    @Test
    @DisplayName("Resume with catch-up copies the expert position opened during the pause at the mark (105), not the one already held")
    void resumeCatchesUp() {
        cg.instrument("CUPAUSDT").instrument("CUPBUSDT").expert("cx", "{\"equity\":\"10000\"}");
        String sub = cg.follow("cf", "cx", "1000", "1", "{\"leverage\":" + FIXED_10 + "}", T).text("subscriptionId");
        cg.fill("cx", "c-b1", "CUPBUSDT", "OPEN_LONG", "2", "50", "CROSS", T + 5_000);
        expect(cg.pause(sub, T + 6_000), 200);
        assertThat(only(cg.fill("cx", "c-a1", "CUPAUSDT", "OPEN_LONG", "1", "100", "CROSS", T + 10_000))
                .path("reason").asText()).isEqualTo("PAUSED");
        cg.price("CUPAUSDT", "105", T + 20_000);

        JsonNode resumed = expect(cg.resume(sub, true, T + 30_000), 200).body();
        assertThat(resumed.path("status").asText()).isEqualTo("ACTIVE");
        assertThat(resumed.path("copiedPositions")).hasSize(1);
        JsonNode copied = resumed.path("copiedPositions").get(0);
        assertThat(copied.path("symbol").asText()).isEqualTo("CUPAUSDT");
        assertThat(copied.path("outcome").asText()).isEqualTo("COPIED");
        assertThat(dec(copied.path("qty"))).isEqualByComparingTo("1");
        assertThat(dec(copied.path("price"))).isEqualByComparingTo("105");
        assertThat(dec(copied.path("margin"))).isEqualByComparingTo("10.5");

        JsonNode positions = cg.subscription(sub).path("positions");
        assertThat(positions).hasSize(2);
        assertThat(positions.findValuesAsText("symbol")).containsExactly("CUPBUSDT", "CUPAUSDT");
        assertThat(dec(positions.get(0).path("qty"))).isEqualByComparingTo("2");
        assertThat(dec(positions.get(1).path("entryPrice"))).isEqualByComparingTo("105");

        // the caught-up copy follows the expert's close like any other: +5 at 110
        JsonNode close = only(cg.fill("cx", "c-a2", "CUPAUSDT", "CLOSE_LONG", "1", "110", "CROSS", T + 40_000));
        assertThat(dec(close.path("qty"))).isEqualByComparingTo("1");
        assertThat(dec(cg.subscription(sub).path("realizedPnl"))).isEqualByComparingTo("5");
        assertConsistent(cg.api(), resumed.path("accountId").asText());
    }

    @Test
    @DisplayName("DAY loss limit 5: a loss of 6 rejects opens LOSS_LIMIT, still after it recovers to 1, until 00:00 UTC+8")
    void dayLimitResetsAtMidnightUtcPlus8() {
        cg.instrument("DAYUSDT").expert("dx", "{\"equity\":\"10000\"}");
        long b = WEDNESDAY;
        String sub = cg.follow("df", "dx", "1000", "1", "{\"leverage\":" + FIXED_10
                + ",\"lossLimits\":[{\"period\":\"DAY\",\"maxLoss\":\"5\"}]}", b - 3 * HOUR).text("subscriptionId");
        cg.fill("dx", "d-o1", "DAYUSDT", "OPEN_LONG", "1", "100", "CROSS", b - 3 * HOUR + 10_000);
        cg.price("DAYUSDT", "94", b - 2 * HOUR);

        JsonNode rejected = only(cg.fill("dx", "d-o2", "DAYUSDT", "OPEN_LONG", "1", "94", "CROSS", b - HOUR));
        assertThat(rejected.path("reason").asText()).isEqualTo("LOSS_LIMIT");
        JsonNode why = cg.api().get("/decisions?fillId=d-o2").body().path("items").get(0).path("explanation");
        assertThat(why.path("period").asText()).isEqualTo("DAY");
        assertThat(why.path("loss").asText()).isEqualTo("6");
        assertThat(why.path("maxLoss").asText()).isEqualTo("5");
        assertThat(why.path("until").asLong()).isEqualTo(b);

        // the loss recovers to 1, but the limit was reached today: still no opens
        cg.price("DAYUSDT", "99", b - 30 * MINUTE);
        JsonNode stillRejected = only(cg.fill("dx", "d-o3", "DAYUSDT", "OPEN_LONG", "1", "99", "CROSS", b - 20 * MINUTE));
        assertThat(stillRejected.path("reason").asText()).isEqualTo("LOSS_LIMIT");
        assertThat(cg.api().get("/decisions?fillId=d-o3").body().path("items").get(0).path("explanation").path("loss").asText())
                .isEqualTo("1");

        JsonNode nextDay = only(cg.fill("dx", "d-o4", "DAYUSDT", "OPEN_LONG", "1", "99", "CROSS", b + MINUTE));
        assertThat(nextDay.path("outcome").asText()).isEqualTo("COPIED");
        assertThat(dec(nextDay.path("qty"))).isEqualByComparingTo("1");
        assertThat(dec(nextDay.path("price"))).isEqualByComparingTo("99");
        assertThat(cg.subscription(sub).path("positions").get(0).path("qty").asText()).isEqualTo("2");
    }

    @Test
    @DisplayName("WEEK loss limit 50 with closePositions: 30 on Tuesday is fine, 50 on Wednesday closes at 95; opens refused until Monday 00:00 UTC+8")
    void weekLimitClosesPositions() {
        long monday = WEDNESDAY - 2 * DAY;
        cg.instrument("WEEKUSDT").expert("wx", "{\"equity\":\"10000\"}");
        String sub = cg.follow("wf", "wx", "1000", "10", "{\"leverage\":" + FIXED_10
                + ",\"lossLimits\":[{\"period\":\"WEEK\",\"maxLoss\":\"50\",\"closePositions\":true}]}", monday + HOUR)
                .text("subscriptionId");
        assertThat(dec(only(cg.fill("wx", "w-o1", "WEEKUSDT", "OPEN_LONG", "1", "100", "CROSS", monday + HOUR + 10_000))
                .path("qty"))).isEqualByComparingTo("10");

        assertThat(cg.price("WEEKUSDT", "97", monday + DAY + HOUR).body().path("riskActions")).isEmpty();
        JsonNode actions = cg.price("WEEKUSDT", "95", monday + 2 * DAY + HOUR).body().path("riskActions");
        assertThat(actions).hasSize(1);
        JsonNode close = actions.get(0);
        assertThat(close.path("action").asText()).isEqualTo("CLOSE");
        assertThat(close.path("reason").asText()).isEqualTo("LOSS_LIMIT");
        assertThat(dec(close.path("qty"))).isEqualByComparingTo("10");
        assertThat(dec(close.path("price"))).isEqualByComparingTo("95");
        assertThat(dec(close.path("realizedPnl"))).isEqualByComparingTo("-50");
        JsonNode logged = cg.api().get("/risk-actions?subscriptionId=" + sub).body().path("items").get(0);
        assertThat(logged.path("rulesFired").toString()).contains("Loss limit reached: amount",
                "Loss limit reached: close the positions at market");
        assertThat(logged.path("explanation").path("loss").asText()).isEqualTo("50");
        JsonNode after = cg.subscription(sub);
        assertThat(after.path("status").asText()).isEqualTo("ACTIVE");
        assertThat(after.path("positions")).isEmpty();

        assertThat(only(cg.fill("wx", "w-o2", "WEEKUSDT", "OPEN_LONG", "1", "95", "CROSS", monday + 3 * DAY))
                .path("reason").asText()).isEqualTo("LOSS_LIMIT");
        assertThat(only(cg.fill("wx", "w-o3", "WEEKUSDT", "OPEN_LONG", "1", "95", "CROSS", monday + 7 * DAY - HOUR))
                .path("reason").asText()).isEqualTo("LOSS_LIMIT");
        JsonNode nextWeek = only(cg.fill("wx", "w-o4", "WEEKUSDT", "OPEN_LONG", "1", "95", "CROSS", monday + 7 * DAY + MINUTE));
        assertThat(nextWeek.path("outcome").asText()).isEqualTo("COPIED");
        assertThat(dec(nextWeek.path("qty"))).isEqualByComparingTo("10");
        assertConsistent(cg.api(), after.path("accountId").asText());
    }

    @Test
    @DisplayName("Trailing drawdown 10 %: peak 1,200, a 500 deposit moves it to 1,700 (not profit): 1,530 holds, 1,520 stops")
    void trailingDrawdownAfterDeposit() {
        cg.instrument("DDUSDT").expert("ddx", "{\"equity\":\"10000\"}");
        Response followed = cg.follow("ddf", "ddx", "1000", "10", "{\"leverage\":" + FIXED_10
                + ",\"guardian\":{\"maxDrawdownRatio\":\"0.1\"}}", T);
        String sub = followed.text("subscriptionId");
        String account = followed.text("accountId");
        cg.fill("ddx", "dd-o1", "DDUSDT", "OPEN_LONG", "1", "100", "CROSS", T + 10_000);
        assertThat(cg.price("DDUSDT", "120", T + 20_000).body().path("riskActions")).isEmpty();   // equity 1,200: the peak
        assertThat(cg.price("DDUSDT", "110", T + 30_000).body().path("riskActions")).isEmpty();   // 1,100 ≥ 1,080
        cg.deposit(account, "500", "dd-dep", T + 40_000);                                        // 1,600; peak 1,700
        // a tracker that counted the deposit as profit would have a peak of 1,600 and a floor of 1,440
        assertThat(cg.price("DDUSDT", "103", T + 50_000).body().path("riskActions")).isEmpty();   // 1,530: at the floor

        JsonNode actions = cg.price("DDUSDT", "102", T + 60_000).body().path("riskActions");     // 1,520 < 1,530
        assertThat(actions.findValuesAsText("action")).containsExactly("CLOSE", "STOP");
        assertThat(actions.findValuesAsText("reason")).containsOnly("GUARDIAN_DRAWDOWN");
        assertThat(dec(actions.get(0).path("qty"))).isEqualByComparingTo("10");
        assertThat(dec(actions.get(0).path("price"))).isEqualByComparingTo("102");
        assertThat(dec(actions.get(0).path("realizedPnl"))).isEqualByComparingTo("20");
        JsonNode why = cg.api().get("/risk-actions?subscriptionId=" + sub).body().path("items").get(0).path("explanation");
        assertThat(why.path("equity").asText()).isEqualTo("1520");
        assertThat(why.path("peakEquity").asText()).isEqualTo("1700");
        assertThat(why.path("floor").asText()).isEqualTo("1530");
        assertThat(cg.subscription(sub).path("status").asText()).isEqualTo("STOPPED");
        assertThat(cg.subscription(sub).path("stopReason").asText()).isEqualTo("GUARDIAN_DRAWDOWN");
        // a MULTIPLIER pool stays: 1,520 less the 10 % profit share on the 20 realized
        assertThat(dec(cg.account(account).path("balance"))).isEqualByComparingTo("1518");
        assertConsistent(cg.api(), account);
    }

    @Test
    @DisplayName("Capacity: maxFollowers 2 refuses a third follow (409 EXPERT_FULL) until a stop frees a slot; a pause keeps its slot")
    void capacity() {
        cg.expert("capx", "{\"equity\":\"10000\",\"maxFollowers\":2}");
        JsonNode expert = cg.api().get("/experts/capx").body();
        assertThat(expert.path("followers").asInt()).isZero();
        assertThat(expert.path("maxFollowers").asInt()).isEqualTo(2);
        String first = cg.follow("cap1", "capx", "100", "1", null, T).text("subscriptionId");
        String second = cg.follow("cap2", "capx", "100", "1", null, T).text("subscriptionId");
        Response full = cg.api().post("/subscriptions", FollowerControls.followJson("cap3", "capx", "100", "1", null, T));
        assertThat(full.status()).isEqualTo(409);
        assertThat(full.error()).isEqualTo("EXPERT_FULL");
        assertThat(cg.api().get("/experts/capx").body().path("followers").asInt()).isEqualTo(2);

        expect(cg.pause(second, T + 1_000), 200);
        assertThat(cg.api().post("/subscriptions", FollowerControls.followJson("cap3", "capx", "100", "1", null, T + 2_000))
                .error()).isEqualTo("EXPERT_FULL");

        expect(cg.api().post("/subscriptions/" + first + "/stop", "{\"mode\":\"MARKET_CLOSE\",\"time\":" + (T + 3_000) + "}"), 200);
        assertThat(cg.api().get("/experts/capx").body().path("followers").asInt()).isEqualTo(1);
        cg.follow("cap3", "capx", "100", "1", null, T + 4_000);
        assertThat(cg.api().get("/experts/capx").body().path("followers").asInt()).isEqualTo(2);

        // null removes the capacity
        cg.expert("capx", "{\"maxFollowers\":null}");
        assertThat(cg.api().get("/experts/capx").body().path("maxFollowers").isNull()).isTrue();
        cg.follow("cap4", "capx", "100", "1", null, T + 5_000);
        assertThat(expect(cg.api().put("/experts/capx", "{\"maxFollowers\":0}"), 400).error()).isNotEmpty();
    }

    @Test
    @DisplayName("Margin add: 5 more on an isolated 1 @ 100, 10x copy moves its liquidation price from 90.452 to 85.427; the 90.45 tick liquidates only the other copy")
    void marginAddMovesTheLiquidationPrice() {
        cg.instrument("MARGUSDT").expert("mx", "{\"equity\":\"10000\"}");
        String isolated = "{\"leverage\":" + FIXED_10 + ",\"marginMode\":\"ISOLATED\"}";
        Response a = cg.follow("ma", "mx", "1000", "1", isolated, T);
        Response b = cg.follow("mb", "mx", "1000", "1", isolated, T);
        cg.fill("mx", "m-o1", "MARGUSDT", "OPEN_LONG", "1", "100", "ISOLATED", T + 10_000);

        JsonNode added = expect(cg.positionMargin(a.text("subscriptionId"), "MARGUSDT", "LONG", "5", T + 20_000), 200).body();
        JsonNode change = added.path("riskActions").get(0);
        assertThat(change.path("action").asText()).isEqualTo("MARGIN");
        assertThat(change.path("explanation").path("amount").asText()).isEqualTo("5");
        assertThat(change.path("explanation").path("marginAfter").asText()).isEqualTo("15");
        assertThat(change.path("explanation").path("liquidationPriceBefore").asText()).isEqualTo("90.45226131");
        assertThat(change.path("explanation").path("liquidationPriceAfter").asText()).isEqualTo("85.42713568");
        assertThat(dec(added.path("positions").get(0).path("margin"))).isEqualByComparingTo("15");
        JsonNode account = cg.account(a.text("accountId"));
        assertThat(dec(account.path("balance"))).isEqualByComparingTo("1000");
        assertThat(dec(account.path("available"))).isEqualByComparingTo("985");
        JsonNode last = cg.api().get("/accounts/" + a.text("accountId") + "/transactions").body().path("items").get(0); // newest first
        assertThat(last.path("type").asText()).isEqualTo("MARGIN_ADDED");
        assertThat(dec(last.path("amount"))).isEqualByComparingTo("-5");

        // never below the initial margin at the mark (10): 15 − 6 = 9 is refused; an unknown position is 404
        Response tooMuch = cg.positionMargin(a.text("subscriptionId"), "MARGUSDT", "LONG", "-6", T + 25_000);
        assertThat(tooMuch.status()).isEqualTo(409);
        assertThat(tooMuch.error()).isEqualTo("MARGIN_BELOW_INITIAL");
        assertThat(cg.positionMargin(a.text("subscriptionId"), "MARGUSDT", "SHORT", "1", T + 25_000).status()).isEqualTo(404);

        JsonNode actions = cg.price("MARGUSDT", "90.45", T + 30_000).body().path("riskActions");
        assertThat(actions).hasSize(1);
        assertThat(actions.get(0).path("subscriptionId").asText()).isEqualTo(b.text("subscriptionId"));
        assertThat(actions.get(0).path("reason").asText()).isEqualTo("LIQUIDATION");
        JsonNode survivor = cg.position(a.text("subscriptionId"));
        assertThat(dec(survivor.path("margin"))).isEqualByComparingTo("15");
        assertThat(dec(survivor.path("unrealizedPnl"))).isEqualByComparingTo("-9.55");
        assertConsistent(cg.api(), a.text("accountId"));
        assertConsistent(cg.api(), b.text("accountId"));
    }

    @Test
    @DisplayName("Expert margin +40 on 80: a copy with margin 40 adds 20; a copy with margin 80 and 20 available is capped at 20; an ISOLATED-setting copy is left alone")
    void expertMarginCopiedInProportionAndCapped() {
        cg.instrument("EMUSDT").expert("emx", "{\"equity\":\"10000\"}");
        Response rich = cg.follow("ema", "emx", "1000", "0.5", null, T);
        Response poor = cg.follow("emb", "emx", "100", "1", null, T);
        Response own = cg.follow("emc", "emx", "1000", "1", "{\"marginMode\":\"ISOLATED\"}", T);
        Response open = cg.fill("emx", "em-o1", "EMUSDT", "OPEN_LONG", "8", "100", "ISOLATED", T + 10_000);
        assertThat(open.body().path("copied").asInt()).isEqualTo(3);

        JsonNode reply = expect(cg.expertMargin("emx", "EMUSDT", "LONG", "40", T + 20_000), 200).body();
        assertThat(reply.path("expertMargin").asText()).isEqualTo("120");
        assertThat(reply.path("decisions")).hasSize(2);
        JsonNode toRich = decisionOf(cg.expertMargin("emx", "EMUSDT", "LONG", "0.00000001", T + 21_000),
                rich.text("subscriptionId"));
        assertThat(toRich.path("explanation").path("outcome").asText()).isEqualTo("REJECTED");  // 1e-8 × 60/120 rounds to 0
        JsonNode richDecision = decisionOf(new Response(200, reply, reply.toString()), rich.text("subscriptionId"));
        assertThat(richDecision.path("reason").isNull()).isTrue();
        assertThat(richDecision.path("explanation").path("amount").asText()).isEqualTo("20");
        JsonNode poorDecision = decisionOf(new Response(200, reply, reply.toString()), poor.text("subscriptionId"));
        assertThat(poorDecision.path("reason").asText()).isEqualTo("INSUFFICIENT_BALANCE");
        assertThat(poorDecision.path("explanation").path("proportionalAmount").asText()).isEqualTo("40");
        assertThat(poorDecision.path("explanation").path("available").asText()).isEqualTo("20");
        assertThat(poorDecision.path("explanation").path("amount").asText()).isEqualTo("20");
        assertThat(poorDecision.path("explanation").path("liquidationPriceAfter").asText()).isEqualTo("87.93969849");

        assertThat(dec(cg.position(rich.text("subscriptionId")).path("margin"))).isEqualByComparingTo("60");
        assertThat(dec(cg.position(poor.text("subscriptionId")).path("margin"))).isEqualByComparingTo("100");
        assertThat(dec(cg.position(own.text("subscriptionId")).path("margin"))).isEqualByComparingTo("80");
        assertThat(dec(cg.account(poor.text("accountId")).path("available"))).isEqualByComparingTo("0");
        assertThat(cg.api().get("/experts/emx").body().path("positions").get(0).path("margin").asText()).isEqualTo("120.00000001");

        // the expert's own change is checked too: below its initial margin (80), or on a cross position
        assertThat(cg.expertMargin("emx", "EMUSDT", "LONG", "-50", T + 30_000).error()).isEqualTo("MARGIN_BELOW_INITIAL");
        cg.fill("emx", "em-o2", "EMUSDT", "OPEN_SHORT", "1", "100", "CROSS", T + 40_000);
        assertThat(cg.expertMargin("emx", "EMUSDT", "SHORT", "5", T + 50_000).error()).isEqualTo("MARGIN_NOT_ISOLATED");
        for (Response r : new Response[] {rich, poor, own}) {
            assertConsistent(cg.api(), r.text("accountId"));
        }
    }

    @Test
    @DisplayName("Bad input to the new operations is a 400 that changes nothing: zero or 9-place amounts, unknown fields, bad settings")
    void badInputIsRefused() {
        cg.instrument("BADUSDT").expert("bx", "{\"equity\":\"10000\"}");
        Response followed = cg.follow("bf", "bx", "1000", "1", "{\"marginMode\":\"ISOLATED\"}", T);
        String sub = followed.text("subscriptionId");
        cg.fill("bx", "b-o1", "BADUSDT", "OPEN_LONG", "1", "100", "ISOLATED", T + 10_000);
        JsonNode before = cg.api().get("/state/hash").body();

        assertThat(cg.positionMargin(sub, "BADUSDT", "LONG", "0", T + 20_000).status()).isEqualTo(400);
        assertThat(cg.positionMargin(sub, "BADUSDT", "LONG", "0.000000001", T + 20_000).status()).isEqualTo(400);
        assertThat(cg.expertMargin("bx", "BADUSDT", "LONG", "0", T + 20_000).status()).isEqualTo(400);
        assertThat(cg.api().post("/subscriptions/" + sub + "/pause", "{\"time\":" + T + ",\"until\":1}").status())
                .isEqualTo(400);
        assertThat(cg.api().post("/subscriptions/" + sub + "/resume", "{}").status()).isEqualTo(400);
        for (String settings : new String[] {
                "{\"lossLimits\":[{\"period\":\"DAY\"}]}",
                "{\"lossLimits\":[{\"period\":\"DAY\",\"maxLoss\":\"5\"},{\"period\":\"DAY\",\"maxLoss\":\"6\"}]}",
                "{\"lossLimits\":[{\"period\":\"YEAR\",\"maxLoss\":\"5\"}]}",
                "{\"lossLimits\":[{\"period\":\"WEEK\",\"maxLossRatio\":\"1.5\"}]}",
                "{\"guardian\":{\"maxDrawdownRatio\":\"1\"}}"}) {
            Response r = cg.api().patch("/subscriptions/" + sub + "/settings", settings);
            assertThat(r.status()).as(settings + " → " + r.raw()).isEqualTo(400);
            assertThat(r.error()).isNotEmpty();
        }
        assertThat(cg.api().get("/state/hash").body()).isEqualTo(before);
    }
}
