package com.copyguard.it;

import static com.copyguard.testing.EventTimes.T0;

import static com.copyguard.testing.Ledgers.assertConsistent;
import static com.copyguard.testing.Ledgers.dec;
import static org.assertj.core.api.Assertions.assertThat;

import com.copyguard.testing.ApiClient;
import com.copyguard.testing.ApiClient.Response;
import com.copyguard.testing.RunningService;
import com.copyguard.testing.Scenario;
import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * SPEC.md "Money" with exact numbers: freezes, settlement at the high-water mark, the daily check,
 * loan interest, both stop modes and interruption. Each test gets a fresh service because the
 * daily check moves every account.
 */
class MoneyIT {
    /** 00:00 UTC+8 boundaries after time 0. */
    static final long DAY1 = 57_600_000L;
    static final long DAY2 = DAY1 + 86_400_000L;
    static final long DAY3 = DAY2 + 86_400_000L;

    private RunningService service;
    private ApiClient api;
    private Scenario given;

    @BeforeEach
    void start() {
        service = RunningService.start();
        api = service.api();
        given = new Scenario(api, com.copyguard.testing.EventTimes.T0);
        given.instrument("MONUSDT", "0").expert("mx", "10000");
    }

    @AfterEach
    void stop() {
        service.close();
    }

    private Response smartFollow(String follower) {
        return given.follow("{\"followerId\":\"" + follower + "\",\"expertId\":\"mx\",\"mode\":\"SMART_RATIO\","
                + "\"amount\":\"1000\",\"time\":" + (T0 + 1000) + "}");
    }

    private Response withdraw(String account, String amount, String requestId, long time) {
        Response r = api.post("/accounts/" + account + "/withdrawals", "{\"amount\":\"" + amount + "\",\"requestId\":\""
                + requestId + "\",\"time\":" + (T0 + time) + "}");
        assertThat(r.status()).as(r.raw()).isEqualTo(200);
        assertConsistent(api, account);
        return r;
    }

    private JsonNode account(String id) {
        return api.get("/accounts/" + id).body();
    }

    private JsonNode subscription(String id) {
        return api.get("/subscriptions/" + id).body();
    }

    /** The expert opens 10 @ 100 and closes at {@code exit}: a SMART_RATIO copy at ratio 0.1 makes (exit − 100). */
    private void roundTrip(String tag, String exit, long time) {
        given.fill("mx", tag + "-o", "MONUSDT", "OPEN_LONG", "10", "100", 10, time);
        given.fill("mx", tag + "-c", "MONUSDT", "CLOSE_LONG", "10", exit, 10, time + 1000);
    }

    @Test
    @DisplayName("a withdrawal that triggers a freeze pays less than requested; a repeated one freezes only the difference")
    void freezeAndRepeatedFreeze() {
        Response f = smartFollow("fz");
        String acc = f.text("accountId");
        roundTrip("t1", "200", 2000);
        assertThat(dec(subscription(f.text("subscriptionId")).path("pendingProfitShare"))).isEqualByComparingTo("10");

        // remaining after 1,095 would be 5; 30 % of 5 = 1.5 < pending 10 → freeze 10; available 1,090
        Response w1 = withdraw(acc, "1095", "w1", 20_000);
        assertThat(dec(w1.body().path("requested"))).isEqualByComparingTo("1095");
        assertThat(dec(w1.body().path("paid"))).isEqualByComparingTo("1090");
        assertThat(dec(w1.body().path("frozenAdded"))).isEqualByComparingTo("10");
        assertThat(dec(w1.body().path("frozen"))).isEqualByComparingTo("10");
        assertThat(w1.body().path("rulesFired").toString()).contains("Freeze pending profit share on withdrawal");
        assertThat(w1.body().path("explanation").path("threshold").asText()).isEqualTo("1.5");
        assertThat(dec(account(acc).path("balance"))).isEqualByComparingTo("10");
        assertThat(dec(account(acc).path("available"))).isEqualByComparingTo("0");
        // the same request id again: the first answer, nothing more paid
        assertThat(api.post("/accounts/" + acc + "/withdrawals", "{\"amount\":\"1095\",\"requestId\":\"w1\",\"time\":" + (T0 + 20000) + "}").raw())
                .isEqualTo(w1.raw());

        // interrupted below the initial investment: no new opens until a deposit restores it
        assertThat(subscription(f.text("subscriptionId")).path("status").asText()).isEqualTo("INTERRUPTED");
        Response blocked = given.fill("mx", "t2-o", "MONUSDT", "OPEN_LONG", "10", "100", 10, 21_000);
        assertThat(blocked.body().path("decisions").get(0).path("reason").asText()).isEqualTo("NOT_ACTIVE");
        given.fill("mx", "t2-c", "MONUSDT", "CLOSE_LONG", "10", "100", 10, 22_000);
        assertThat(api.post("/accounts/" + acc + "/deposits", "{\"amount\":\"1000\",\"requestId\":\"d1\",\"time\":" + (T0 + 23000) + "}").status())
                .isEqualTo(200);
        assertThat(subscription(f.text("subscriptionId")).path("status").asText()).isEqualTo("ACTIVE");

        // equity 1,010 → ratio 0.101 → qty 1.01, +101: cumulative 201, pending 20.1, frozen 10
        roundTrip("t3", "200", 30_000);
        assertThat(dec(subscription(f.text("subscriptionId")).path("pendingProfitShare"))).isEqualByComparingTo("20.1");
        Response w2 = withdraw(acc, "1100", "w2", 40_000);
        assertThat(dec(w2.body().path("frozenAdded"))).isEqualByComparingTo("10.1");
        assertThat(dec(w2.body().path("frozen"))).isEqualByComparingTo("20.1");
        assertThat(dec(w2.body().path("paid"))).isEqualByComparingTo("1090.9");
        // frozen ≥ pending: nothing more is frozen, and frozen money is not paid
        Response w3 = withdraw(acc, "5", "w3", 41_000);
        assertThat(dec(w3.body().path("frozenAdded"))).isEqualByComparingTo("0");
        assertThat(dec(w3.body().path("paid"))).isEqualByComparingTo("0");
    }

    @Test
    @DisplayName("a withdrawal whose remaining assets dwarf the pending share freezes nothing")
    void withdrawalWithoutFreeze() {
        Response f = smartFollow("nf");
        roundTrip("t1", "200", 2000);
        Response w = withdraw(f.text("accountId"), "100", "w", 20_000);
        assertThat(dec(w.body().path("frozenAdded"))).isEqualByComparingTo("0");
        assertThat(dec(w.body().path("paid"))).isEqualByComparingTo("100");
        assertThat(dec(account(f.text("accountId")).path("balance"))).isEqualByComparingTo("1000");
        assertThat(w.body().path("interrupted")).isEmpty();
        assertThat(subscription(f.text("subscriptionId")).path("status").asText()).isEqualTo("ACTIVE");
    }

    @Test
    @DisplayName("daily check without open positions settles the share and refunds the freeze; with positions nothing moves")
    void dailyRefund() {
        Response flat = smartFollow("flat");
        Response open = smartFollow("open");
        roundTrip("t1", "200", 2000);
        // the second follower stays in a position: the expert opens again (ratio 1,100 / 10,000)
        given.fill("mx", "t2-o", "MONUSDT", "OPEN_LONG", "10", "100", 10, 10_000);
        String flatAcc = flat.text("accountId");
        String openAcc = open.text("accountId");
        api.post("/subscriptions/" + flat.text("subscriptionId") + "/positions/close",
                "{\"symbol\":\"MONUSDT\",\"side\":\"LONG\",\"time\":" + (T0 + 11000) + "}");
        withdraw(flatAcc, "1095", "wf", 20_000);
        withdraw(openAcc, "1085", "wo", 20_000);
        assertThat(dec(account(flatAcc).path("frozen"))).isEqualByComparingTo("10");
        assertThat(dec(account(openAcc).path("frozen"))).isEqualByComparingTo("10");

        assertThat(api.post("/clock", "{\"time\":" + (T0 + DAY1) + "}").status()).isEqualTo(200);
        JsonNode flatAfter = account(flatAcc);
        assertThat(dec(flatAfter.path("frozen"))).isEqualByComparingTo("0");
        assertThat(dec(flatAfter.path("pendingProfitShare"))).isEqualByComparingTo("0");
        assertThat(dec(flatAfter.path("balance"))).isEqualByComparingTo("0");
        assertThat(dec(subscription(flat.text("subscriptionId")).path("highWaterMark"))).isEqualByComparingTo("100");
        JsonNode openAfter = account(openAcc);
        assertThat(dec(openAfter.path("frozen"))).isEqualByComparingTo("10");
        assertThat(dec(openAfter.path("pendingProfitShare"))).isEqualByComparingTo("10");
        assertThat(dec(api.get("/experts/mx").body().path("profitShareEarned"))).isEqualByComparingTo("10");
        JsonNode types = api.get("/accounts/" + flatAcc + "/transactions").body().path("items");
        assertThat(types.findValuesAsText("type")).contains("PROFIT_SHARE", "FREEZE_DEDUCTION", "FREEZE_REFUND");
        assertConsistent(api, flatAcc);
        assertConsistent(api, openAcc);
    }

    @Test
    @DisplayName("high-water mark: no share after a loss until the previous peak is passed, then only on the excess")
    void highWaterMark() {
        Response f = given.follow("{\"followerId\":\"hwm\",\"expertId\":\"mx\",\"mode\":\"MULTIPLIER\",\"amount\":\"1000\","
                + "\"multiplier\":\"0.1\",\"time\":" + (T0 + 1000) + "}");
        String sub = f.text("subscriptionId");
        roundTrip("a", "95", 2000);                       // −5
        api.post("/clock", "{\"time\":" + (T0 + DAY1) + "}");
        assertThat(dec(subscription(sub).path("profitSharePaid"))).isEqualByComparingTo("0");
        roundTrip("b", "108", DAY1 + 10_000);             // +8 → cumulative 3
        assertThat(dec(subscription(sub).path("pendingProfitShare"))).isEqualByComparingTo("0.3");
        api.post("/clock", "{\"time\":" + (T0 + DAY2) + "}");
        assertThat(dec(subscription(sub).path("profitSharePaid"))).isEqualByComparingTo("0.3");
        assertThat(dec(subscription(sub).path("highWaterMark"))).isEqualByComparingTo("3");
        roundTrip("c", "96", DAY2 + 10_000);              // −4 → −1
        roundTrip("d", "103", DAY2 + 20_000);             // +3 → 2, below the peak of 3
        assertThat(dec(subscription(sub).path("pendingProfitShare"))).isEqualByComparingTo("0");
        roundTrip("e", "105", DAY2 + 30_000);             // +5 → 7: share on 7 − 3
        assertThat(dec(subscription(sub).path("pendingProfitShare"))).isEqualByComparingTo("0.4");
        api.post("/clock", "{\"time\":" + (T0 + DAY3) + "}");
        assertThat(dec(subscription(sub).path("profitSharePaid"))).isEqualByComparingTo("0.7");
        assertThat(dec(api.get("/experts/mx").body().path("profitShareEarned"))).isEqualByComparingTo("0.7");
        assertThat(dec(account(f.text("accountId")).path("balance"))).isEqualByComparingTo("1006.3");
        assertConsistent(api, f.text("accountId"));
    }

    @Test
    @DisplayName("MARKET_CLOSE: closes at mark, settles the share and transfers the rest out of a dedicated account")
    void stopWithMarketClose() {
        Response f = smartFollow("mc");
        String sub = f.text("subscriptionId");
        roundTrip("t1", "200", 2000);                                          // +100
        given.fill("mx", "t2-o", "MONUSDT", "OPEN_LONG", "10", "100", 10, 10_000); // qty 1.1
        given.prices(11_000, "MONUSDT", "110");
        Response stop = api.post("/subscriptions/" + sub + "/stop", "{\"mode\":\"MARKET_CLOSE\",\"time\":" + (T0 + 12000) + "}");
        assertThat(stop.status()).isEqualTo(200);
        assertThat(stop.body().path("status").asText()).isEqualTo("STOPPED");
        assertThat(stop.body().path("riskActions").findValuesAsText("action")).containsExactly("CLOSE", "STOP");
        // +11 on the close: cumulative 111, share 11.1; 1,111 − 11.1 = 1,099.9 transferred out
        assertThat(dec(stop.body().path("profitSharePaid"))).isEqualByComparingTo("11.1");
        JsonNode acc = account(f.text("accountId"));
        assertThat(dec(acc.path("balance"))).isEqualByComparingTo("0");
        JsonNode txs = api.get("/accounts/" + f.text("accountId") + "/transactions").body().path("items");
        JsonNode last = txs.get(0);
        assertThat(last.path("type").asText()).isEqualTo("TRANSFER_OUT");
        assertThat(dec(last.path("amount"))).isEqualByComparingTo("-1099.9");
        assertConsistent(api, f.text("accountId"));
        Response again = api.post("/subscriptions/" + sub + "/stop", "{\"mode\":\"MARKET_CLOSE\",\"time\":" + (T0 + 13000) + "}");
        assertThat(again.status()).isEqualTo(409);
        assertThat(again.error()).isEqualTo("ALREADY_STOPPED");
    }

    @Test
    @DisplayName("FOLLOW_EXPERT_CLOSE in a shared pool: follows the expert's close, then stops; the pool stays")
    void followExpertCloseInAPool() {
        Response f = given.follow("{\"followerId\":\"pool\",\"expertId\":\"mx\",\"mode\":\"MULTIPLIER\",\"amount\":\"1000\","
                + "\"multiplier\":\"0.1\",\"time\":" + (T0 + 1000) + "}");
        String sub = f.text("subscriptionId");
        given.fill("mx", "p-o", "MONUSDT", "OPEN_LONG", "10", "100", 10, 2000);
        Response stop = api.post("/subscriptions/" + sub + "/stop", "{\"mode\":\"FOLLOW_EXPERT_CLOSE\",\"time\":" + (T0 + 3000) + "}");
        assertThat(stop.body().path("status").asText()).isEqualTo("CLOSING");
        // SL/TP edits are still allowed while closing
        assertThat(api.patch("/subscriptions/" + sub + "/settings", "{\"stopLossRatio\":\"0.9\"}").status()).isEqualTo(200);
        given.fill("mx", "p-c", "MONUSDT", "CLOSE_LONG", "10", "120", 10, 4000);
        JsonNode s = subscription(sub);
        assertThat(s.path("status").asText()).isEqualTo("STOPPED");
        assertThat(dec(s.path("profitSharePaid"))).isEqualByComparingTo("2");
        JsonNode acc = account(f.text("accountId"));
        assertThat(acc.path("pool").asBoolean()).isTrue();
        assertThat(dec(acc.path("balance"))).isEqualByComparingTo("1018");
        assertThat(api.get("/accounts/" + f.text("accountId") + "/transactions").body().path("items").findValuesAsText("type"))
                .doesNotContain("TRANSFER_OUT");
        assertConsistent(api, f.text("accountId"));
    }

    @Test
    @DisplayName("a withdrawal of unrealized profit leaves a negative balance; the loan (500) accrues daily interest, rounded to 8 places")
    void loanInterest() {
        Response f = smartFollow("loan");
        String acc = f.text("accountId");
        given.fill("mx", "l-o", "MONUSDT", "OPEN_LONG", "100", "100", 1, 2000);   // qty 10, margin 1,000
        given.prices(3000, "MONUSDT", "300");                                      // +2,000 unrealized
        Response w = withdraw(acc, "1500", "wl", 4000);
        assertThat(dec(w.body().path("paid"))).isEqualByComparingTo("1500");
        assertThat(dec(account(acc).path("balance"))).isEqualByComparingTo("-500");
        assertThat(w.body().path("interrupted")).isEmpty();
        api.post("/clock", "{\"time\":" + (T0 + DAY1) + "}");
        assertThat(dec(account(acc).path("balance"))).isEqualByComparingTo("-500.25");
        api.post("/clock", "{\"time\":" + (T0 + DAY2) + "}");
        assertThat(dec(account(acc).path("balance"))).isEqualByComparingTo("-500.5");
        JsonNode txs = api.get("/accounts/" + acc + "/transactions").body().path("items");
        assertThat(txs.findValuesAsText("type").stream().filter("LOAN_INTEREST"::equals)).hasSize(2);
        assertConsistent(api, acc);
    }
}
