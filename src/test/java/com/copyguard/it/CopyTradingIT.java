package com.copyguard.it;

import static com.copyguard.testing.EventTimes.T0;

import static org.assertj.core.api.Assertions.assertThat;

import com.copyguard.testing.ApiClient.Response;
import com.copyguard.testing.SharedService;
import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigDecimal;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** SPEC.md's sizing and close behaviour end to end: real service, real HTTP, real rules/v1. */
class CopyTradingIT extends SharedService {
    /** The version rules/ACTIVE names: what a fresh data directory starts with. */
    private static final String ACTIVE = com.copyguard.testing.TestRuleVersions.activeVersion();
    static String followJson(String follower, String expert, String mode, String amount, String extra) {
        return "{\"followerId\":\"" + follower + "\",\"expertId\":\"" + expert + "\",\"mode\":\"" + mode
                + "\",\"amount\":\"" + amount + "\",\"time\":" + (T0 + 1000) + extra + "}";
    }

    static BigDecimal dec(JsonNode n) {
        return new BigDecimal(n.asText());
    }

    @Test
    @DisplayName("Gate worked example: second copy capped to 1,000 notional, follower earns exactly 200, balance 300")
    void gateWorkedExample() {
        given.instrument("GATEAUSDT", "0").instrument("GATEBUSDT", "0").expert("gate-expert", "1000");
        Response sub = given.follow(followJson("gate-follower", "gate-expert", "MULTIPLIER", "100",
                ",\"multiplier\":\"0.1\",\"settings\":{\"leverage\":{\"mode\":\"FIXED\",\"value\":20}}"));
        String account = sub.text("accountId");

        // 1. expert opens A: 100 margin × 100x = 10,000 notional (100 @ 100)
        Response a = given.fill("gate-expert", "g1", "GATEAUSDT", "OPEN_LONG", "100", "100", 100, 2000);
        JsonNode da = a.body().path("decisions").get(0);
        assertThat(da.path("outcome").asText()).isEqualTo("COPIED");
        assertThat(dec(da.path("qty")).multiply(dec(da.path("price")))).isEqualByComparingTo("1000");
        assertThat(dec(da.path("margin"))).isEqualByComparingTo("50");
        assertThat(dec(api.get("/accounts/" + account).body().path("available"))).isEqualByComparingTo("50");

        // 2. expert opens B: 200 × 100x = 20,000 (100 @ 200); target 2,000 needs 100 margin > 50 → capped to 1,000
        Response b = given.fill("gate-expert", "g2", "GATEBUSDT", "OPEN_LONG", "100", "200", 100, 6000);
        JsonNode db = b.body().path("decisions").get(0);
        assertThat(db.path("outcome").asText()).isEqualTo("COPIED");
        assertThat(db.path("reason").asText()).isEqualTo("INSUFFICIENT_BALANCE");
        assertThat(dec(db.path("qty")).multiply(dec(db.path("price")))).isEqualByComparingTo("1000");
        assertThat(dec(api.get("/accounts/" + account).body().path("available"))).isEqualByComparingTo("0");

        // 3. both rise 10 %, the expert closes both
        given.fill("gate-expert", "g3", "GATEAUSDT", "CLOSE_LONG", "100", "110", 100, 7000);
        given.fill("gate-expert", "g4", "GATEBUSDT", "CLOSE_LONG", "100", "220", 100, 8000);
        JsonNode acc = api.get("/accounts/" + account).body();
        assertThat(dec(acc.path("balance"))).isEqualByComparingTo("300");
        assertThat(dec(acc.path("usedMargin"))).isEqualByComparingTo("0");
        JsonNode s = api.get("/subscriptions/" + sub.text("subscriptionId")).body();
        assertThat(dec(s.path("realizedPnl"))).isEqualByComparingTo("200");
        assertThat(s.path("positions")).isEmpty();
        assertTransactionsAddUp(account);
    }

    @Test
    @DisplayName("SMART_RATIO: expert with 1,000 opens with 100 margin, a follower with 100 puts in 10")
    void smartRatioExample() {
        given.instrument("SMARTUSDT", "0").expert("smart-expert", "1000");
        Response sub = given.follow(followJson("smart-follower", "smart-expert", "SMART_RATIO", "100", ""));
        Response r = given.fill("smart-expert", "s1", "SMARTUSDT", "OPEN_LONG", "10", "100", 10, 2000);
        JsonNode d = r.body().path("decisions").get(0);
        assertThat(dec(d.path("margin"))).isEqualByComparingTo("10");
        assertThat(dec(d.path("qty"))).isEqualByComparingTo("1");
        assertThat(d.path("leverage").asInt()).isEqualTo(10);
        JsonNode pos = api.get("/subscriptions/" + sub.text("subscriptionId")).body().path("positions").get(0);
        assertThat(pos.path("side").asText()).isEqualTo("LONG");
        assertThat(dec(pos.path("margin"))).isEqualByComparingTo("10");
    }

    @Test
    @DisplayName("FIXED_MARGIN: qty = margin × leverage ÷ price, taker fee charged on open and close")
    void fixedMarginWithFees() {
        given.instrument("FIXUSDT", "0.0005").expert("fix-expert", "5000");
        Response sub = given.follow(followJson("fix-follower", "fix-expert", "FIXED_MARGIN", "500",
                ",\"fixedMargin\":\"20\",\"settings\":{\"leverage\":{\"mode\":\"FIXED\",\"value\":10}}"));
        String account = sub.text("accountId");
        Response r = given.fill("fix-expert", "x1", "FIXUSDT", "OPEN_SHORT", "3", "50000", 50, 2000);
        JsonNode d = r.body().path("decisions").get(0);
        assertThat(dec(d.path("qty"))).isEqualByComparingTo("0.004");
        assertThat(dec(d.path("margin"))).isEqualByComparingTo("20");
        // fee 0.004 × 50,000 × 0.0005 = 0.1
        assertThat(dec(api.get("/accounts/" + account).body().path("balance"))).isEqualByComparingTo("499.9");

        // price falls 10 %: a short gains 0.004 × 5,000 = 20 unrealized
        given.prices(2500, "FIXUSDT", "45000");
        JsonNode acc = api.get("/accounts/" + account).body();
        assertThat(dec(acc.path("unrealizedPnl"))).isEqualByComparingTo("20");
        assertThat(dec(acc.path("equity"))).isEqualByComparingTo("519.9");

        given.fill("fix-expert", "x2", "FIXUSDT", "CLOSE_SHORT", "3", "45000", 50, 3000);
        // close fee 0.004 × 45,000 × 0.0005 = 0.09
        assertThat(dec(api.get("/accounts/" + account).body().path("balance"))).isEqualByComparingTo("519.81");
        assertTransactionsAddUp(account);
    }

    @Test
    @DisplayName("a 50 % expert close halves every follower's copy; a full close closes it")
    void proportionalCloses() {
        given.instrument("HALFUSDT", "0").expert("half-expert", "10000");
        String s1 = given.follow(followJson("half-f1", "half-expert", "MULTIPLIER", "1000", ",\"multiplier\":\"0.5\""))
                .text("subscriptionId");
        String s2 = given.follow(followJson("half-f2", "half-expert", "MULTIPLIER", "1000", ",\"multiplier\":\"0.25\""))
                .text("subscriptionId");
        given.fill("half-expert", "h1", "HALFUSDT", "OPEN_LONG", "2", "100", 10, 2000);
        assertThat(positionQty(s1)).isEqualByComparingTo("1");
        assertThat(positionQty(s2)).isEqualByComparingTo("0.5");

        Response half = given.fill("half-expert", "h2", "HALFUSDT", "CLOSE_LONG", "1", "100", 10, 3000);
        assertThat(half.body().path("copied").asInt()).isEqualTo(2);
        assertThat(positionQty(s1)).isEqualByComparingTo("0.5");
        assertThat(positionQty(s2)).isEqualByComparingTo("0.25");
        assertThat(api.get("/experts/half-expert").body().path("positions").get(0).path("qty").asText()).isEqualTo("1");

        given.fill("half-expert", "h3", "HALFUSDT", "CLOSE_LONG", "1", "100", 10, 4000);
        assertThat(api.get("/subscriptions/" + s1).body().path("positions")).isEmpty();
        assertThat(api.get("/subscriptions/" + s2).body().path("positions")).isEmpty();
        assertThat(api.get("/experts/half-expert").body().path("positions")).isEmpty();
    }

    @Test
    @DisplayName("quantities round down to the step; a target below the minimum is BELOW_MIN_QTY")
    void roundingAndMinimum() {
        given.instrument("RNDUSDT", "0.01", "0.01", "0").expert("rnd-expert", "10000");
        String sub = given.follow(followJson("rnd-f", "rnd-expert", "MULTIPLIER", "1000", ",\"multiplier\":\"0.1\""))
                .text("subscriptionId");
        Response r = given.fill("rnd-expert", "r1", "RNDUSDT", "OPEN_LONG", "1.27", "10", 10, 2000);
        assertThat(dec(r.body().path("decisions").get(0).path("qty"))).isEqualByComparingTo("0.12");
        Response tiny = given.fill("rnd-expert", "r2", "RNDUSDT", "OPEN_LONG", "0.09", "10", 10, 6000);
        JsonNode d = tiny.body().path("decisions").get(0);
        assertThat(d.path("outcome").asText()).isEqualTo("REJECTED");
        assertThat(d.path("reason").asText()).isEqualTo("BELOW_MIN_QTY");
        assertThat(positionQty(sub)).isEqualByComparingTo("0.12");

        JsonNode logged = api.get("/decisions?fillId=r2").body().path("items").get(0);
        assertThat(logged.path("ruleSet").asText()).isEqualTo(ACTIVE);
        assertThat(logged.path("rulesFired").toString()).contains("Target itself below the minimum quantity");
        assertThat(logged.path("explanation").path("minQty").asText()).isEqualTo("0.01");
    }

    @Test
    @DisplayName("PARTIALLY_FILLED_CANCELED opens are not copied")
    void partialFillNotCopied() {
        given.instrument("PARTUSDT", "0").expert("part-expert", "10000");
        String sub = given.follow(followJson("part-f", "part-expert", "MULTIPLIER", "1000", ",\"multiplier\":\"1\""))
                .text("subscriptionId");
        Response r = api.post("/experts/part-expert/fills", "{\"fillId\":\"p1\",\"symbol\":\"PARTUSDT\",\"action\":\"OPEN_LONG\","
                + "\"qty\":\"1\",\"price\":\"100\",\"leverage\":10,\"marginMode\":\"CROSS\",\"status\":\"PARTIALLY_FILLED_CANCELED\",\"time\":" + (T0 + 2000) + "}");
        assertThat(r.status()).isEqualTo(200);
        assertThat(r.body().path("rejected").asInt()).isEqualTo(1);
        assertThat(r.body().path("decisions").get(0).path("reason").asText()).isEqualTo("PARTIAL_FILL_NOT_COPIED");
        assertThat(api.get("/subscriptions/" + sub).body().path("positions")).isEmpty();
        // the expert's own position still reflects the filled part
        assertThat(api.get("/experts/part-expert").body().path("positions").get(0).path("qty").asText()).isEqualTo("1");
    }

    @Test
    @DisplayName("a fill id already seen returns the first answer; with another body it is refused (409 IDEMPOTENCY_KEY_REUSED); nothing changes")
    void duplicateFillId() {
        given.instrument("DUPUSDT", "0.001").expert("dup-expert", "10000");
        String account = given.follow(followJson("dup-f", "dup-expert", "MULTIPLIER", "1000", ",\"multiplier\":\"1\""))
                .text("accountId");
        Response first = given.fill("dup-expert", "d1", "DUPUSDT", "OPEN_LONG", "1", "100", 10, 2000);
        String accountAfterFirst = api.get("/accounts/" + account).raw();
        Response again = given.fill("dup-expert", "d1", "DUPUSDT", "OPEN_LONG", "1", "100", 10, 2000);
        assertThat(again.raw()).isEqualTo(first.raw());
        Response sameIdOtherBody = api.post("/experts/dup-expert/fills", "{\"fillId\":\"d1\",\"symbol\":\"DUPUSDT\","
                + "\"action\":\"OPEN_LONG\",\"qty\":\"5\",\"price\":\"90\",\"leverage\":10,\"marginMode\":\"CROSS\","
                + "\"status\":\"FILLED\",\"time\":" + (T0 + 2100) + "}");
        assertThat(sameIdOtherBody.status()).as(sameIdOtherBody.raw()).isEqualTo(409);
        assertThat(sameIdOtherBody.error()).isEqualTo("IDEMPOTENCY_KEY_REUSED");
        assertThat(api.get("/accounts/" + account).raw()).isEqualTo(accountAfterFirst);
        assertThat(api.get("/experts/dup-expert").body().path("positions").get(0).path("qty").asText()).isEqualTo("1");
        assertThat(api.get("/decisions?fillId=d1").body().path("items")).hasSize(1);
    }

    @Test
    @DisplayName("first transfer below 50 or below the expert's minimum: 409 and nothing created")
    void minimumFollowAmount() {
        given.expert("min-expert", "1000");
        assertThat(api.put("/experts/min-expert", "{\"minFollowAmount\":\"200\"}").status()).isEqualTo(200);
        String before = api.get("/experts/min-expert").raw();

        Response below50 = api.post("/subscriptions", followJson("min-f", "min-expert", "SMART_RATIO", "49.99", ""));
        assertThat(below50.status()).isEqualTo(409);
        assertThat(below50.error()).isEqualTo("BELOW_MIN_FOLLOW_AMOUNT");
        Response belowExpert = api.post("/subscriptions", followJson("min-f", "min-expert", "MULTIPLIER", "150",
                ",\"multiplier\":\"1\""));
        assertThat(belowExpert.status()).isEqualTo(409);
        assertThat(belowExpert.error()).isEqualTo("BELOW_MIN_FOLLOW_AMOUNT");
        assertThat(api.get("/experts/min-expert").raw()).isEqualTo(before);
        assertThat(api.get("/experts/min-expert").body().path("followers").asInt()).isZero();

        Response ok = api.post("/subscriptions", followJson("min-f", "min-expert", "SMART_RATIO", "200", ""));
        assertThat(ok.status()).isEqualTo(201);
    }

    @Test
    @DisplayName("bad input is answered 4xx with a machine-readable code and changes nothing")
    void badInputChangesNothing() {
        given.instrument("BADUSDT", "0.001").expert("bad-expert", "1000");
        String account = given.follow(followJson("bad-f", "bad-expert", "MULTIPLIER", "100", ",\"multiplier\":\"1\""))
                .text("accountId");
        String expertBefore = api.get("/experts/bad-expert").raw();
        String accountBefore = api.get("/accounts/" + account).raw();
        String fill = "{\"fillId\":\"b1\",\"symbol\":\"BADUSDT\",\"action\":\"OPEN_LONG\",\"qty\":QTY,\"price\":\"100\","
                + "\"leverage\":10,\"marginMode\":\"CROSS\",\"status\":\"FILLED\",\"time\":" + (T0 + 2000) + "}";

        assertError(api.post("/experts/bad-expert/fills", "{\"fillId\": "), 400, "MALFORMED_JSON");
        assertError(api.post("/experts/bad-expert/fills", fill.replace("QTY", "\"-1\"")), 400, null);
        assertError(api.post("/experts/bad-expert/fills", fill.replace("QTY", "0")), 400, null);
        assertError(api.post("/experts/bad-expert/fills", fill.replace("QTY", "\"NaN\"")), 400, null);
        assertError(api.post("/experts/bad-expert/fills", fill.replace("QTY", "NaN")), 400, "MALFORMED_JSON");
        assertError(api.post("/experts/bad-expert/fills", fill.replace("QTY", "\"1e3\"")), 400, null);
        assertError(api.post("/experts/bad-expert/fills", fill.replace("QTY", "1").replace("OPEN_LONG", "OPEN_SIDEWAYS")),
                400, "VALIDATION_FAILED");
        assertError(api.post("/experts/bad-expert/fills", fill.replace("QTY", "1").replace("CROSS", "cross")), 400, null);
        assertError(api.post("/experts/bad-expert/fills", fill.replace("QTY", "1").replace("BADUSDT", "NOPEUSDT")),
                400, "UNKNOWN_INSTRUMENT");
        assertError(api.post("/experts/nobody/fills", fill.replace("QTY", "1")), 404, "NOT_FOUND");
        assertError(api.post("/experts/bad-expert/fills", fill.replace("QTY", "1").replace("\"time\":" + (T0 + 2000), "\"time\":-5")),
                400, null);
        assertError(api.post("/experts/bad-expert/fills", fill.replace("QTY", "1").replace("\"fillId\":\"b1\",", "")),
                400, null);
        assertError(api.post("/experts/bad-expert/fills", "{\"a\":\"" + "x".repeat(300_000) + "\"}"), 413, "BODY_TOO_LARGE");
        assertError(api.post("/experts/bad-expert/fills", fill.replace("QTY", "1").replace("OPEN_LONG", "CLOSE_LONG")),
                409, "CLOSE_EXCEEDS_POSITION");
        assertError(api.get("/subscriptions/S999999"), 404, "NOT_FOUND");
        assertError(api.get("/accounts/A999999"), 404, "NOT_FOUND");
        assertError(api.post("/accounts/A999999/deposits", "{\"amount\":\"10\",\"requestId\":\"r\",\"time\":" + (T0 + 1) + "}"), 404, "NOT_FOUND");
        assertError(api.post("/accounts/" + account + "/deposits", "{\"amount\":\"-10\",\"requestId\":\"r\",\"time\":" + (T0 + 1) + "}"), 400, null);
        assertError(api.post("/subscriptions", followJson("bad-f2", "bad-expert", "MULTIPLIER", "100",
                ",\"multiplier\":\"1\",\"settings\":{\"maxSlippage\":\"0.5\"}")), 400, null);
        assertError(api.post("/subscriptions", followJson("bad-f2", "bad-expert", "MULTIPLIER", "100",
                ",\"multiplier\":\"1\",\"settings\":{\"leverage\":{\"mode\":\"FIXED\",\"value\":126}}")), 400, null);
        assertError(api.post("/subscriptions", followJson("bad-f2", "bad-expert", "FIXED_MARGIN", "100", "")), 400, null);
        assertError(api.put("/instruments/BADUSDT", "{\"minQty\":\"0.0015\",\"qtyStep\":\"0.001\",\"maxLeverage\":10,"
                + "\"takerFeeRate\":\"0\",\"maintenanceMarginRate\":\"0.01\"}"), 400, null);
        assertError(api.get("/nowhere"), 404, "NOT_FOUND");

        assertThat(api.get("/experts/bad-expert").raw()).isEqualTo(expertBefore);
        assertThat(api.get("/accounts/" + account).raw()).isEqualTo(accountBefore);
        assertThat(api.get("/decisions?fillId=b1").body().path("items")).isEmpty();
    }

    @Test
    @DisplayName("the OpenAPI description is served and health names the rule set")
    void openApiAndHealth() {
        Response spec = api.get("/openapi.yaml");
        assertThat(spec.status()).isEqualTo(200);
        assertThat(spec.raw()).contains("operationId: postFill");
        Response health = api.get("/health");
        assertThat(health.body().path("status").asText()).isEqualTo("UP");
        assertThat(health.body().path("ruleSet").asText()).isEqualTo(ACTIVE);
        assertThat(api.get("/instruments").body().path("items").findValuesAsText("symbol")).contains("BTCUSDT", "ETHUSDT", "SOLUSDT");
    }

    private static void assertError(Response r, int status, String code) {
        assertThat(r.status()).as(r.raw()).isEqualTo(status);
        assertThat(r.body()).as("error body of %s", r.raw()).isNotNull();
        assertThat(r.body().path("message").asText()).isNotBlank();
        if (code != null) {
            assertThat(r.error()).as(r.raw()).isEqualTo(code);
        } else {
            assertThat(r.error()).isNotBlank();
        }
    }

    private static BigDecimal positionQty(String subscriptionId) {
        return dec(api.get("/subscriptions/" + subscriptionId).body().path("positions").get(0).path("qty"));
    }

    static void assertTransactionsAddUp(String account) {
        BigDecimal sum = BigDecimal.ZERO;
        for (JsonNode t : api.get("/accounts/" + account + "/transactions").body().path("items")) {
            sum = sum.add(dec(t.path("amount")));
        }
        assertThat(sum).isEqualByComparingTo(dec(api.get("/accounts/" + account).body().path("balance")));
    }
}
