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
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * Issue 12 (engine side), end to end over HTTP on a fresh service each: every hostile or careless
 * input of the "Why", with the exact numbers, and what the service does now.
 */
class HardeningIT {
    private static final long DAY = 86_400_000L;
    /** 2010-01-01T00:00Z: long enough ago that ten years of event time are still in the past. */
    private static final long LONG_AGO = 1_262_304_000_000L;

    private RunningService service;
    private ApiClient api;
    private Scenario given;

    @BeforeEach
    void start() {
        service = RunningService.start();
        api = service.api();
        given = new Scenario(api, com.copyguard.testing.EventTimes.T0);
    }

    @AfterEach
    void stop() {
        if (service != null) {
            service.close();
        }
    }

    private void restart() {
        Path data = service.dataDir();
        service.close();
        service = RunningService.start(data);
        api = service.api();
        given = new Scenario(api, com.copyguard.testing.EventTimes.T0);
    }

    private JsonNode stateHash() {
        Response r = api.get("/state/hash");
        assertThat(r.status()).as(r.raw()).isEqualTo(200);
        return r.body();
    }

    private static void assertError(Response r, int status, String code) {
        assertThat(r.status()).as(r.raw()).isEqualTo(status);
        assertThat(r.error()).as(r.raw()).isEqualTo(code);
        assertThat(r.raw().length()).as("a small error body").isLessThan(1024);
    }

    private Response clock(long time) {
        return api.post("/clock", "{\"time\":" + time + "}");
    }

    private Response fill(String expert, String fillId, String symbol, String action, String qty, String price,
                          String marginMode, long time) {
        return api.post("/experts/" + expert + "/fills", "{\"fillId\":\"" + fillId + "\",\"symbol\":\"" + symbol
                + "\",\"action\":\"" + action + "\",\"qty\":\"" + qty + "\",\"price\":\"" + price + "\",\"leverage\":10,"
                + "\"marginMode\":\"" + marginMode + "\",\"status\":\"FILLED\",\"time\":" + time + "}");
    }

    private JsonNode account(String id) {
        return api.get("/accounts/" + id).body();
    }

    /** The account's records, whether the list comes bare or in a page object. */
    private List<JsonNode> transactions(String accountId) {
        JsonNode body = api.get("/accounts/" + accountId + "/transactions").body();
        JsonNode list = body.isArray() ? body : body.path("items");
        List<JsonNode> out = new ArrayList<>();
        list.forEach(out::add);
        return out;
    }

    @Test
    @DisplayName("time 9223372036854775807 (clock or fill), 1970 and a 32-day jump are refused at once; the writer stays ready and nothing changes")
    void boundedTime() {
        given.instrument("TIMEUSDT", "0").expert("tx", "10000");
        assertThat(clock(T0).status()).isEqualTo(200);
        JsonNode before = stateHash();

        // Long.MAX_VALUE is beyond the contract's largest time (openapi.yaml Time.maximum): refused before the writer
        assertError(clock(Long.MAX_VALUE), 400, "VALIDATION_FAILED");
        assertError(fill("tx", "max", "TIMEUSDT", "OPEN_LONG", "1", "100", "CROSS", Long.MAX_VALUE), 400,
                "VALIDATION_FAILED");
        assertError(clock(999_999_999_999_999L), 400, "TIME_AHEAD_OF_WALL_CLOCK");
        assertError(clock(1000), 400, "TIME_OUT_OF_RANGE");
        assertError(clock(T0 + 32 * DAY), 409, "CLOCK_JUMP_TOO_LARGE");
        assertError(clock(T0 + 365 * DAY), 409, "CLOCK_JUMP_TOO_LARGE");
        assertThat(api.get("/health/ready").status()).isEqualTo(200);
        assertThat(stateHash()).isEqualTo(before);

        assertThat(clock(T0 + 31 * DAY).status()).as("31 days at once is the limit, allowed").isEqualTo(200);
        assertThat(clock(T0 + 5 * DAY).status()).as("an older input is accepted").isEqualTo(200);
        assertThat(clock(T0 + 5 * DAY).body().path("time").asLong()).as("and never moves the clock back")
                .isEqualTo(T0 + 31 * DAY);
    }

    @Test
    @DisplayName("a fill quantity with more places than the instrument's step (0.001) is refused (400) and changes nothing")
    void quantityBeyondTheStep() {
        given.instrument("STEPUSDT", "0").expert("qx", "10000");
        given.multiplierFollow("qf", "qx", "1000", "1", null);
        JsonNode before = stateHash();
        assertError(fill("qx", "q1", "STEPUSDT", "OPEN_LONG", "0.0015", "100", "CROSS", T0 + 2000), 400, "INVALID_FIELD");
        assertThat(stateHash()).isEqualTo(before);
        assertThat(api.get("/decisions?fillId=q1").body().path("items")).isEmpty();
        // trailing zeros are no extra places: 0.0010 is on the step
        assertThat(fill("qx", "q2", "STEPUSDT", "OPEN_LONG", "0.0010", "100", "CROSS", T0 + 3000).status()).isEqualTo(200);
    }

    @Test
    @DisplayName("a fill dated 2035 is refused (400 TIME_AHEAD_OF_WALL_CLOCK) and moves no clock")
    void fillFromTheFuture() {
        given.instrument("FUTUSDT", "0").expert("fx", "10000");
        String account = given.multiplierFollow("ff", "fx", "1000", "1", null).text("accountId");
        JsonNode before = stateHash();
        long in2035 = 2_051_222_400_000L;
        assertError(fill("fx", "f2035", "FUTUSDT", "OPEN_LONG", "1", "100", "CROSS", in2035), 400,
                "TIME_AHEAD_OF_WALL_CLOCK");
        assertThat(stateHash()).isEqualTo(before);
        assertThat(dec(account(account).path("balance"))).isEqualByComparingTo("1000");
        assertThat(api.get("/decisions?fillId=f2035").body().path("items")).isEmpty();
    }

    @Test
    @DisplayName("loan interest on a -50.54 loan is 0.02527 a day: after ten years in 31-day steps (3,658 checks) the balance is -142.97766")
    void loanInterestStaysAtEightPlaces() {
        given.instrument("LOANUSDT", "0").expert("lx", "10000");
        String account = given.follow("{\"followerId\":\"lf\",\"expertId\":\"lx\",\"mode\":\"SMART_RATIO\","
                + "\"amount\":\"1000\",\"time\":" + (LONG_AGO + 1000) + "}").text("accountId");
        assertThat(fill("lx", "l-o", "LOANUSDT", "OPEN_LONG", "100", "100", "CROSS", LONG_AGO + 2000).status()).isEqualTo(200);
        assertThat(api.post("/prices", "{\"time\":" + (LONG_AGO + 3000)
                + ",\"prices\":[{\"symbol\":\"LOANUSDT\",\"price\":\"300\"}]}").status()).isEqualTo(200);
        Response w = api.post("/accounts/" + account + "/withdrawals", "{\"amount\":\"1050.54\",\"requestId\":\"w\",\"time\":"
                + (LONG_AGO + 4000) + "}");
        assertThat(dec(w.body().path("paid"))).isEqualByComparingTo("1050.54");
        assertThat(account(account).path("balance").asText()).isEqualTo("-50.54");
        assertThat(account(account).path("loan").asText()).isEqualTo("50.54");

        assertThat(clock(LONG_AGO + 365 * DAY).status()).as("a year at once is refused").isEqualTo(409);
        for (int k = 1; k <= 118; k++) {
            Response r = clock(LONG_AGO + k * 31 * DAY + 4000);
            assertThat(r.status()).as(r.raw()).isEqualTo(200);
        }
        // one check per 00:00 UTC+8 (16:00 UTC) from day 0 to day 3,657: 3,658 × 0.02527 = 92.43766
        JsonNode after = account(account);
        assertThat(after.path("balance").asText()).isEqualTo("-142.97766");
        assertThat(after.path("loan").asText()).as("interest accrues on the loan, not on interest").isEqualTo("50.54");
        assertThat(after.toString().length()).isLessThan(1000);
    }

    @Test
    @DisplayName("expert A fills at 1,000 while the market is 3,000: expert B's follower is not liquidated (marks come from prices only)")
    void outlierFillPriceHurtsNoBystander() {
        given.instrument("OUTUSDT", "0").expert("ea", "10000").expert("eb", "10000");
        Response follow = given.multiplierFollow("fb", "eb", "100", "1", null);
        String sub = follow.text("subscriptionId");
        given.prices(2000, "OUTUSDT", "3000");
        Response b = fill("eb", "b1", "OUTUSDT", "OPEN_LONG", "0.3", "3000", "CROSS", T0 + 3000);
        assertThat(b.body().path("copied").asInt()).isEqualTo(1);

        Response a = fill("ea", "a1", "OUTUSDT", "OPEN_LONG", "1", "1000", "CROSS", T0 + 4000);
        assertThat(a.status()).as(a.raw()).isEqualTo(200);
        assertThat(a.body().path("riskActions")).isEmpty();
        JsonNode bystander = api.get("/subscriptions/" + sub).body();
        assertThat(bystander.path("status").asText()).isEqualTo("ACTIVE");
        JsonNode position = bystander.path("positions").get(0);
        assertThat(position.path("qty").asText()).isEqualTo("0.3");
        assertThat(position.path("markPrice").asText()).isEqualTo("3000");
        assertThat(position.path("unrealizedPnl").asText()).isEqualTo("0");
        assertThat(api.get("/risk-actions?subscriptionId=" + sub).body().path("items")).isEmpty();
        assertThat(dec(account(follow.text("accountId")).path("balance"))).isEqualByComparingTo("100");
    }

    @Test
    @DisplayName("a CROSS copy into an open ISOLATED position joins ISOLATED, and its decision says so")
    void crossCopyJoinsAnIsolatedPosition() {
        given.instrument("MMUSDT", "0").expert("em", "10000");
        String sub = given.multiplierFollow("fm", "em", "1000", "1", null).text("subscriptionId");
        assertThat(fill("em", "m1", "MMUSDT", "OPEN_LONG", "1", "100", "ISOLATED", T0 + 2000).status()).isEqualTo(200);
        Response cross = fill("em", "m2", "MMUSDT", "OPEN_LONG", "1", "100", "CROSS", T0 + 6000);
        JsonNode decision = cross.body().path("decisions").get(0);
        assertThat(decision.path("outcome").asText()).isEqualTo("COPIED");
        JsonNode logged = api.get("/decisions?fillId=m2").body().path("items").get(0);
        assertThat(logged.path("explanation").path("marginModeDecided").asText()).isEqualTo("CROSS");
        assertThat(logged.path("explanation").path("marginModeJoined").asText()).isEqualTo("ISOLATED");
        JsonNode positions = api.get("/subscriptions/" + sub).body().path("positions");
        assertThat(positions).hasSize(1);
        assertThat(positions.get(0).path("marginMode").asText()).isEqualTo("ISOLATED");
        assertThat(positions.get(0).path("qty").asText()).isEqualTo("2");
        assertThat(positions.get(0).path("margin").asText()).isEqualTo("20");
    }

    @Test
    @DisplayName("a gap liquidation that would leave -257 is covered: INSURANCE_COVER 257, balance 0, INTERRUPTED, no loan interest")
    void gapLiquidationIsCoveredByInsurance() {
        given.instrument("GAPUSDT", "0").expert("gx", "10000");
        Response follow = given.multiplierFollow("gf", "gx", "100", "1", null);
        String sub = follow.text("subscriptionId");
        String account = follow.text("accountId");
        assertThat(fill("gx", "g1", "GAPUSDT", "OPEN_LONG", "5", "100", "CROSS", T0 + 2000).status()).isEqualTo(200);
        Response gap = given.prices(3000, "GAPUSDT", "28.6");
        assertThat(gap.body().path("riskActions").get(0).path("reason").asText()).isEqualTo("LIQUIDATION");

        assertThat(account(account).path("balance").asText()).isEqualTo("0");
        assertThat(api.get("/subscriptions/" + sub).body().path("status").asText()).isEqualTo("INTERRUPTED");
        List<JsonNode> records = transactions(account);
        assertThat(records).extracting(t -> t.path("type").asText() + " " + t.path("amount").asText())
                .containsExactly("INSURANCE_COVER 257", "LIQUIDATION -357", "DEPOSIT 100"); // newest first
        assertThat(clock(T0 + 3 * DAY).status()).isEqualTo(200);
        assertThat(account(account).path("balance").asText()).as("no debt, so no loan interest").isEqualTo("0");
        assertConsistent(api, account);

        Response opens = fill("gx", "g2", "GAPUSDT", "OPEN_LONG", "1", "30", "CROSS", T0 + 3 * DAY + 1000);
        assertThat(opens.body().path("decisions").get(0).path("reason").asText()).isEqualTo("NOT_ACTIVE");
    }

    @Test
    @DisplayName("an existing pool following an expert whose minimum is 500: amount 0 and 499 refused (409), 500 accepted")
    void everyFollowMeetsTheMinimumAlsoIntoAPool() {
        given.expert("p1", "10000").expert("p2", "10000");
        assertThat(api.put("/experts/p2", "{\"minFollowAmount\":\"500\"}").status()).isEqualTo(200);
        String pool = given.multiplierFollow("pf", "p1", "1000", "1", null).text("accountId");
        JsonNode before = stateHash();
        for (String amount : new String[] {"0", "499"}) {
            assertError(api.post("/subscriptions", "{\"followerId\":\"pf\",\"expertId\":\"p2\",\"mode\":\"MULTIPLIER\","
                    + "\"multiplier\":\"1\",\"amount\":\"" + amount + "\",\"time\":" + (T0 + 2000) + "}"), 409,
                    "BELOW_MIN_FOLLOW_AMOUNT");
        }
        assertThat(stateHash()).isEqualTo(before);
        Response ok = given.follow("{\"followerId\":\"pf\",\"expertId\":\"p2\",\"mode\":\"MULTIPLIER\","
                + "\"multiplier\":\"1\",\"amount\":\"500\",\"time\":" + (T0 + 3000) + "}");
        assertThat(ok.text("accountId")).isEqualTo(pool);
        assertThat(dec(account(pool).path("balance"))).isEqualByComparingTo("1500");
    }

    @Test
    @DisplayName("a fill 4,000 s older than the expert's previous one: 409 FILL_OUT_OF_ORDER, not EXPERT_FREQUENCY_LIMIT with -4000000")
    void fillsMustNotGoBackInTime() {
        given.instrument("ORDUSDT", "0").expert("ox", "10000");
        given.multiplierFollow("of", "ox", "1000", "1", null);
        assertThat(fill("ox", "o1", "ORDUSDT", "OPEN_LONG", "1", "100", "CROSS", T0 + 5_000_000).status()).isEqualTo(200);
        JsonNode before = stateHash();
        assertError(fill("ox", "o0", "ORDUSDT", "OPEN_LONG", "1", "100", "CROSS", T0 + 1_000_000), 409, "FILL_OUT_OF_ORDER");
        assertThat(api.get("/decisions?fillId=o0").body().path("items")).isEmpty();
        assertThat(stateHash()).isEqualTo(before);
    }

    @Test
    @DisplayName("an open 100 s behind the clock is SIGNAL_EXPIRED (window 60 s in the DRL); 50 s behind is copied; a close 230 s late is copied")
    void lateOpensExpireClosesNever() {
        given.instrument("SIGUSDT", "0").expert("sx", "10000");
        String sub = given.multiplierFollow("sf", "sx", "1000", "1", null).text("subscriptionId");
        given.prices(200_000, "SIGUSDT", "100");
        JsonNode late = fill("sx", "s1", "SIGUSDT", "OPEN_LONG", "1", "100", "CROSS", T0 + 100_000).body()
                .path("decisions").get(0);
        assertThat(late.path("reason").asText()).isEqualTo("SIGNAL_EXPIRED");
        JsonNode logged = api.get("/decisions?fillId=s1").body().path("items").get(0);
        assertThat(logged.path("explanation").path("msBehindClock").asText()).isEqualTo("100000");
        assertThat(logged.path("explanation").path("signalWindowMs").asText()).isEqualTo("60000");
        assertThat(logged.path("rulesFired").toString()).contains("Expert open arrived after the signal window");

        JsonNode inWindow = fill("sx", "s2", "SIGUSDT", "OPEN_LONG", "1", "100", "CROSS", T0 + 150_000).body()
                .path("decisions").get(0);
        assertThat(inWindow.path("outcome").asText()).isEqualTo("COPIED");
        assertThat(clock(T0 + 400_000).status()).isEqualTo(200);
        JsonNode close = fill("sx", "s3", "SIGUSDT", "CLOSE_LONG", "2", "100", "CROSS", T0 + 170_000).body()
                .path("decisions").get(0);
        assertThat(close.path("outcome").asText()).isEqualTo("COPIED");
        assertThat(api.get("/subscriptions/" + sub).body().path("positions")).isEmpty();
    }

    @Test
    @DisplayName("a deposit requestId reused with another amount is 409 IDEMPOTENCY_KEY_REUSED; the same body gets the first answer")
    void idempotencyKeysAreBoundToTheirBody() {
        given.expert("ix", "10000");
        String account = given.follow("{\"followerId\":\"if\",\"expertId\":\"ix\",\"mode\":\"SMART_RATIO\","
                + "\"amount\":\"1000\",\"time\":" + (T0 + 1000) + "}").text("accountId");
        String body = "{\"amount\":\"100\",\"requestId\":\"r1\",\"time\":" + (T0 + 2000) + "}";
        Response first = api.post("/accounts/" + account + "/deposits", body);
        assertThat(first.status()).isEqualTo(200);
        assertThat(api.post("/accounts/" + account + "/deposits", body).raw()).isEqualTo(first.raw());
        assertError(api.post("/accounts/" + account + "/deposits", "{\"amount\":\"200\",\"requestId\":\"r1\",\"time\":"
                + (T0 + 2000) + "}"), 409, "IDEMPOTENCY_KEY_REUSED");
        assertThat(dec(account(account).path("balance"))).isEqualByComparingTo("1100");
        String withdrawal = "{\"amount\":\"10\",\"requestId\":\"w1\",\"time\":" + (T0 + 3000) + "}";
        assertThat(api.post("/accounts/" + account + "/withdrawals", withdrawal).status()).isEqualTo(200);
        assertError(api.post("/accounts/" + account + "/withdrawals", withdrawal.replace("\"10\"", "\"20\"")), 409,
                "IDEMPOTENCY_KEY_REUSED");
        assertThat(dec(account(account).path("balance"))).isEqualByComparingTo("1090");
    }

    @Test
    @DisplayName("a deposit into a stopped subscription's dedicated account is refused (409 ACCOUNT_CLOSED), nothing stranded")
    void noDepositIntoAClosedAccount() {
        given.expert("cx", "10000");
        Response follow = given.follow("{\"followerId\":\"cf\",\"expertId\":\"cx\",\"mode\":\"SMART_RATIO\","
                + "\"amount\":\"1000\",\"time\":" + (T0 + 1000) + "}");
        String account = follow.text("accountId");
        assertThat(api.post("/subscriptions/" + follow.text("subscriptionId") + "/stop",
                "{\"mode\":\"MARKET_CLOSE\",\"time\":" + (T0 + 2000) + "}").status()).isEqualTo(200);
        assertThat(dec(account(account).path("balance"))).isEqualByComparingTo("0");
        JsonNode before = stateHash();
        assertError(api.post("/accounts/" + account + "/deposits", "{\"amount\":\"100\",\"requestId\":\"late\",\"time\":"
                + (T0 + 3000) + "}"), 409, "ACCOUNT_CLOSED");
        assertThat(stateHash()).isEqualTo(before);
    }

    @Test
    @DisplayName("pairs naming an unknown symbol: 400 UNKNOWN_INSTRUMENT on follow and on a settings change")
    void pairsMustBeKnownInstruments() {
        given.instrument("PAIRUSDT", "0").expert("qx", "10000");
        JsonNode before = stateHash();
        assertError(api.post("/subscriptions", "{\"followerId\":\"qf\",\"expertId\":\"qx\",\"mode\":\"SMART_RATIO\","
                + "\"amount\":\"1000\",\"settings\":{\"pairs\":[\"NOPEUSDT\"]},\"time\":" + (T0 + 1000) + "}"), 400,
                "UNKNOWN_INSTRUMENT");
        assertThat(stateHash()).isEqualTo(before);
        String sub = given.follow("{\"followerId\":\"qf\",\"expertId\":\"qx\",\"mode\":\"SMART_RATIO\","
                + "\"amount\":\"1000\",\"settings\":{\"pairs\":[\"PAIRUSDT\"]},\"time\":" + (T0 + 1000) + "}")
                .text("subscriptionId");
        assertError(api.patch("/subscriptions/" + sub + "/settings", "{\"pairs\":[\"PAIRUSDT\",\"NOPEUSDT\"]}"), 400,
                "UNKNOWN_INSTRUMENT");
    }

    @Test
    @DisplayName("refused inputs with a later day's time change nothing (not the daily-check boundary, no profit share), live == restarted")
    void refusedInputsChangeNothing() {
        JsonNode fresh = stateHash();
        assertError(api.post("/prices", "{\"time\":" + (T0 + 3 * DAY)
                + ",\"prices\":[{\"symbol\":\"NOPEUSDT\",\"price\":\"1\"}]}"), 400, "UNKNOWN_INSTRUMENT");
        assertThat(stateHash()).as("the daily-check boundary did not move").isEqualTo(fresh);

        given.instrument("RFUSDT", "0").expert("rx", "10000");
        String sub = given.multiplierFollow("rf", "rx", "10000", "1", null).text("subscriptionId");
        assertThat(fill("rx", "r1", "RFUSDT", "OPEN_LONG", "10", "100", "CROSS", T0 + 2000).status()).isEqualTo(200);
        assertThat(fill("rx", "r2", "RFUSDT", "CLOSE_LONG", "10", "200", "CROSS", T0 + 3000).status()).isEqualTo(200);
        assertThat(api.get("/subscriptions/" + sub).body().path("pendingProfitShare").asText()).isEqualTo("100");
        JsonNode flat = stateHash();

        assertError(api.post("/subscriptions/S999/stop", "{\"mode\":\"MARKET_CLOSE\",\"time\":" + (T0 + 2 * DAY) + "}"),
                404, "NOT_FOUND");
        assertError(api.post("/prices", "{\"time\":" + (T0 + 2 * DAY)
                + ",\"prices\":[{\"symbol\":\"NOPEUSDT\",\"price\":\"1\"}]}"), 400, "UNKNOWN_INSTRUMENT");
        assertThat(stateHash()).as("no daily check ran, nothing journaled").isEqualTo(flat);
        assertThat(api.get("/subscriptions/" + sub).body().path("pendingProfitShare").asText()).isEqualTo("100");

        restart();
        assertThat(stateHash()).as("replayed == live at the same position").isEqualTo(flat);

        assertThat(clock(T0 + 2 * DAY).status()).isEqualTo(200);
        JsonNode settled = api.get("/subscriptions/" + sub).body();
        assertThat(settled.path("pendingProfitShare").asText()).isEqualTo("0");
        assertThat(settled.path("profitSharePaid").asText()).isEqualTo("100");
        JsonNode live = stateHash();
        restart();
        assertThat(stateHash()).isEqualTo(live);
    }
}
