package com.copyguard.it;

import static org.assertj.core.api.Assertions.assertThat;

import com.copyguard.testing.ApiClient.Response;
import com.copyguard.testing.SharedService;
import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The edge bullets of issue #12 "Why", reproduced over HTTP with the numbers from the issue, and the
 * behaviour that replaces them: bounded decimals and error replies, unknown fields refused,
 * paginated lists, and every error from any layer the documented small JSON.
 */
class EdgeHardeningIT extends SharedService {
    private static final long T0 = com.copyguard.testing.EventTimes.T0;

    private static String follow(String follower, String expert, String multiplier, String extra) {
        return "{\"followerId\":\"" + follower + "\",\"expertId\":\"" + expert + "\",\"mode\":\"MULTIPLIER\",\"multiplier\":"
                + multiplier + ",\"amount\":\"100\",\"time\":" + T0 + extra + "}";
    }

    @Test
    void hugeExponentsAreRefusedWithASmallReplyBeforeAnyArithmetic() {
        given.expert("exp1", "1000");
        for (String multiplier : List.of("1e99999999", "1e999999999")) {
            String request = follow("f1", "exp1", multiplier, "");
            assertThat(request.length()).isBetween(100, 130);
            Response r = api.post("/subscriptions", request);
            // before: a 100 MB (1e99999999) or 1 GB (1e999999999) error reply echoing the number
            assertThat(r.status()).isEqualTo(400);
            assertThat(r.raw()).isEqualTo("{\"error\":\"INVALID_FIELD\",\"message\":\"multiplier may have at most 6 digits"
                    + " before the decimal point\"}");
        }
        Response places = api.post("/subscriptions", follow("f1", "exp1", "\"0.1234567890123\"", ""));
        assertThat(places.raw()).isEqualTo("{\"error\":\"INVALID_FIELD\",\"message\":\"multiplier may have at most 12 decimal places\"}");
        Response money = api.post("/subscriptions", follow("f1", "exp1", "\"0.1\"", "").replace("\"100\"", "\"100.000000001\""));
        assertThat(money.raw()).isEqualTo("{\"error\":\"INVALID_FIELD\",\"message\":\"amount may have at most 8 decimal places\"}");
        Response price = api.post("/experts/exp1/fills", "{\"fillId\":\"p1\",\"symbol\":\"BTCUSDT\",\"action\":\"OPEN_LONG\","
                + "\"qty\":\"0.1\",\"price\":\"50000.0000000000001\",\"leverage\":10,\"marginMode\":\"CROSS\",\"status\":\"FILLED\","
                + "\"time\":" + T0 + "}");
        assertThat(price.raw()).isEqualTo("{\"error\":\"INVALID_FIELD\",\"message\":\"price may have at most 12 decimal places\"}");
        Response leverage = api.post("/experts/exp1/fills", "{\"fillId\":\"p2\",\"symbol\":\"BTCUSDT\",\"action\":\"OPEN_LONG\","
                + "\"qty\":\"0.1\",\"price\":\"50000\",\"leverage\":99999999999,\"marginMode\":\"CROSS\",\"status\":\"FILLED\","
                + "\"time\":" + T0 + "}");
        assertThat(leverage.status()).isEqualTo(400);
        assertThat(leverage.error()).isEqualTo("VALIDATION_FAILED");
        assertThat(api.get("/experts/exp1").body().path("followers").asInt()).as("nothing was created").isZero();
    }

    @Test
    void aBadValueIsQuotedByAShortPrefixOnly() {
        String longId = "x".repeat(5000);
        Response r = api.post("/subscriptions", follow(longId, "exp2", "\"0.1\"", ""));
        assertThat(r.status()).isEqualTo(400);
        assertThat(r.raw().length()).isLessThan(600);
        Response deep = api.post("/clock", "{\"time\":" + "[".repeat(10_000) + "]".repeat(10_000) + "}");
        assertThat(deep.status()).isEqualTo(400);
        assertThat(deep.error()).isEqualTo("MALFORMED_JSON");
        assertThat(deep.raw().length()).isLessThan(400);
    }

    @Test
    void unknownFieldsAreRefusedAtTheTopAndNested() {
        given.expert("exp3", "1000");
        // maxFollowers is a real field now (issue 16); a misspelt one is still refused, not ignored
        Response misspelt = api.put("/experts/exp3", "{\"equity\":\"1000\",\"maxFollower\":3}");
        assertThat(misspelt.status()).isEqualTo(400);
        assertThat(misspelt.text("message")).contains("maxFollower");
        assertThat(api.get("/experts/exp3").body().path("maxFollowers").isNull()).isTrue();
        Response guardian = api.post("/subscriptions", follow("f3", "exp3", "\"0.1\"",
                ",\"settings\":{\"guardian\":{\"dailyLossLimit\":\"10\"}}"));
        assertThat(guardian.status()).isEqualTo(400);
        assertThat(api.get("/experts/exp3").body().path("followers").asInt()).isZero();
    }

    @Test
    void transactionsArePagedNewestFirstWithFiltersAndACursor() {
        given.expert("exp4", "1000");
        Response f = given.follow(follow("f4", "exp4", "\"0.1\"", ""));
        String account = f.text("accountId");
        for (int i = 1; i <= 120; i++) {
            Response d = api.post("/accounts/" + account + "/deposits", "{\"amount\":\"1\",\"requestId\":\"d" + i
                    + "\",\"time\":" + (T0 + i * 1000L) + "}");
            assertThat(d.status()).as(d.raw()).isEqualTo(200);
        }
        // before: ?limit=10 returned every row (100,002 rows, 9 MB, in the issue)
        Response ten = api.get("/accounts/" + account + "/transactions?limit=10");
        assertThat(ten.body().path("items")).hasSize(10);
        assertThat(ten.body().path("items").get(0).path("time").asLong()).isEqualTo(T0 + 120_000);
        assertThat(ten.body().path("nextCursor").isTextual()).isTrue();
        assertThat(api.get("/accounts/" + account + "/transactions").body().path("items")).as("default limit 100").hasSize(100);

        List<Long> seqs = new ArrayList<>();
        String cursor = null;
        int pages = 0;
        do {
            Response page = api.get("/accounts/" + account + "/transactions?limit=25" + (cursor == null ? "" : "&cursor=" + cursor));
            page.body().path("items").forEach(t -> seqs.add(t.path("seq").asLong()));
            cursor = page.body().path("nextCursor").isNull() ? null : page.body().path("nextCursor").asText();
            pages++;
        } while (cursor != null);
        assertThat(pages).isEqualTo(5);
        assertThat(seqs).hasSize(121).doesNotHaveDuplicates().isSortedAccordingTo((a, b) -> Long.compare(b, a));

        JsonNode window = api.get("/accounts/" + account + "/transactions?type=DEPOSIT&from=" + (T0 + 10_000) + "&to="
                + (T0 + 20_000)).body().path("items");
        assertThat(window).hasSize(10);
        assertThat(window.get(0).path("time").asLong()).isEqualTo(T0 + 19_000);
        assertThat(api.get("/accounts/" + account + "/transactions?type=LOAN_INTEREST").body().path("items")).isEmpty();
        assertThat(api.get("/accounts/" + account + "/transactions?limit=1001").status()).isEqualTo(400);
        assertThat(api.get("/accounts/" + account + "/transactions?cursor=bm9wZQ").error()).isEqualTo("INVALID_CURSOR");
        assertThat(api.get("/accounts/" + account + "/transactions?type=NOPE").error()).isEqualTo("INVALID_PARAMETER");
    }

    @Test
    void decisionsAndRiskActionsFilterByOutcomeReasonSubscriptionAndTime() {
        // later than every other test of this shared service, so the open is within the signal window of the clock
        long at = 1_000_000;
        given.expert("exp5", "1000");
        String sub = given.follow(follow("f5", "exp5", "\"0.1\"", ",\"settings\":{\"stopLossRatio\":\"0.5\","
                + "\"leverage\":{\"mode\":\"FIXED\",\"value\":10}}")).text("subscriptionId");
        given.fill("exp5", "e5-open", "ETHUSDT", "OPEN_LONG", "1", "3000", 10, at + 10_000); // the shared scenario counts from EventTimes.T0
        assertThat(api.post("/experts/exp5/fills", "{\"fillId\":\"e5-partial\",\"symbol\":\"ETHUSDT\",\"action\":\"OPEN_LONG\","
                + "\"qty\":\"1\",\"price\":\"3000\",\"leverage\":10,\"marginMode\":\"CROSS\","
                + "\"status\":\"PARTIALLY_FILLED_CANCELED\",\"time\":" + (T0 + at + 20_000) + "}").status()).isEqualTo(200);
        JsonNode copied = api.get("/decisions?subscriptionId=" + sub + "&outcome=COPIED").body().path("items");
        assertThat(copied).hasSize(1);
        assertThat(copied.get(0).path("fillId").asText()).isEqualTo("e5-open");
        JsonNode partial = api.get("/decisions?subscriptionId=" + sub + "&reason=PARTIAL_FILL_NOT_COPIED").body().path("items");
        assertThat(partial).hasSize(1);
        assertThat(partial.get(0).path("fillId").asText()).isEqualTo("e5-partial");
        assertThat(api.get("/decisions?subscriptionId=" + sub + "&reason=EXPERT_FREQUENCY_LIMIT").body().path("items")).isEmpty();
        assertThat(api.get("/decisions?fillId=e5-open&outcome=REJECTED").body().path("items")).isEmpty();
        assertThat(api.get("/decisions?subscriptionId=" + sub + "&from=" + (T0 + at + 15_000)).body().path("items")).hasSize(1);
        assertThat(api.get("/decisions?subscriptionId=" + sub + "&to=" + (T0 + at + 15_000)).body().path("items")).hasSize(1);

        assertThat(given.prices(at + 30_000, "ETHUSDT", "2800").status()).isEqualTo(200);
        JsonNode stops = api.get("/risk-actions?subscriptionId=" + sub + "&reason=STOP_LOSS").body().path("items");
        assertThat(stops).hasSize(1);
        assertThat(stops.get(0).path("time").asLong()).isEqualTo(T0 + at + 30_000);
        assertThat(api.get("/risk-actions?subscriptionId=" + sub + "&reason=LIQUIDATION").body().path("items")).isEmpty();
        assertThat(api.get("/risk-actions?subscriptionId=" + sub + "&to=" + (T0 + at + 30_000)).body().path("items")).isEmpty();
    }

    @Test
    void everyErrorFromAnyLayerIsTheDocumentedSmallJson() {
        // before: 500 INTERNAL_ERROR for the first four, 414 with an empty body, a plain-text 400
        assertError(api.get("/decisions?limit=1e3"), 400, "INVALID_PARAMETER");
        assertError(api.get("/decisions?limit=10.0"), 400, "INVALID_PARAMETER");
        assertError(api.raw("GET", "/decisions?limit=%205", null, null), 400, "INVALID_PARAMETER");
        assertError(api.raw("GET", "/decisions?fillId=%ZZ", null, null), 400, "MALFORMED_QUERY");
        assertError(api.raw("GET", "/" + "a".repeat(10_000), null, null), 414, "URI_TOO_LONG");
        assertError(api.raw("POST", "/experts/%ZZ/fills", "application/json", "{}".getBytes(StandardCharsets.UTF_8)), 400,
                "BAD_REQUEST");
        assertError(api.get("/no/such/route"), 404, "NOT_FOUND");
        assertError(api.delete("/instruments"), 405, "METHOD_NOT_ALLOWED");
        assertError(api.raw("POST", "/clock", "text/plain", "{\"time\":1}".getBytes(StandardCharsets.UTF_8)), 415,
                "UNSUPPORTED_MEDIA_TYPE");
        assertError(api.post("/clock", "{\"pad\":\"" + "a".repeat(300_000) + "\"}"), 413, "BODY_TOO_LARGE");
        assertError(api.get("/decisions?unknown=1"), 400, "UNKNOWN_PARAMETER");
        assertError(api.get("/decisions?limit=1&limit=2"), 400, "INVALID_PARAMETER");
    }

    private static void assertError(Response r, int status, String code) {
        assertThat(r.status()).as(r.raw()).isEqualTo(status);
        assertThat(r.body()).as(r.raw()).isNotNull();
        assertThat(r.error()).as(r.raw()).isEqualTo(code);
        assertThat(r.body().path("message").isTextual()).isTrue();
        assertThat(r.raw().length()).isLessThan(400);
    }
}
