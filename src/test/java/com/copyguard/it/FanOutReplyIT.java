package com.copyguard.it;

import static com.copyguard.testing.EventTimes.T0;
import static org.assertj.core.api.Assertions.assertThat;

import com.copyguard.api.security.Role;
import com.copyguard.api.security.Tokens4Tests;
import com.copyguard.testing.ApiClient;
import com.copyguard.testing.ApiClient.Response;
import com.copyguard.testing.RunningService;
import com.copyguard.testing.Scenario;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * Issue 15, the reply side, over HTTP: a fill to 250 followers answers with its counts by outcome and
 * reason, its first 100 decisions in subscription order and a cursor to the rest; paging the rest (and
 * the whole list) yields every decision exactly once while new fills arrive; a small fill still lists
 * everything; a repeat is byte-identical; a follower pages only its own decisions; an expert margin
 * change to 200 copies and a price crash that liquidates them are bounded the same way and page
 * through GET /risk-actions.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class FanOutReplyIT {
    private static final int FOLLOWERS = 250;
    private static final int COPYING = 200;
    private static final int PAUSED = 30;
    private static final String FILL = "{\"fillId\":\"big-1\",\"symbol\":\"FANUSDT\",\"action\":\"OPEN_LONG\",\"qty\":\"1\","
            + "\"price\":\"100\",\"leverage\":10,\"marginMode\":\"ISOLATED\",\"status\":\"FILLED\",\"time\":" + (T0 + 2000) + "}";

    private static RunningService service;
    private static Tokens4Tests tokens;
    private static ApiClient api;
    private static final List<String> subscriptions = new ArrayList<>();
    private static Response first;
    /** Event time after the setup; every test takes the next instants, so fills never go back in time whatever the test order. */
    private static long clock = T0 + 10_000;

    private static long later() {
        return clock += 1000;
    }

    @BeforeAll
    static void start() {
        service = RunningService.start();
        tokens = new Tokens4Tests(service.dataDir());
        api = service.api();
        Scenario given = new Scenario(api, T0).instrument("FANUSDT", "0.01", "0.001", "0").expert("alice", "100000")
                .expert("carol", "100000");
        for (int i = 0; i < FOLLOWERS; i++) {
            // the last 20 copy 0.001 of the expert's 1, below the instrument's 0.01 minimum
            String multiplier = i < COPYING + PAUSED ? "0.1" : "0.001";
            subscriptions.add(given.multiplierFollow(follower(i), "alice", "500", multiplier, null).text("subscriptionId"));
        }
        for (int i = COPYING; i < COPYING + PAUSED; i++) {
            Response r = api.post("/subscriptions/" + subscriptions.get(i) + "/pause", "{\"time\":" + (T0 + 1500) + "}");
            assertThat(r.status()).as(r.raw()).isEqualTo(200);
        }
        first = api.post("/experts/alice/fills", FILL);
        assertThat(first.status()).as(first.raw()).isEqualTo(200);
        // fillId is unique per expert only: carol's own big-1 must not show among alice's
        given.multiplierFollow("carols", "carol", "500", "0.1", null);
        Response carols = api.post("/experts/carol/fills", FILL.replace("ISOLATED", "CROSS")
                .replace("\"time\":" + (T0 + 2000), "\"time\":" + (T0 + 2500)));
        assertThat(carols.status()).as(carols.raw()).isEqualTo(200);
        assertThat(carols.body().path("decisions")).hasSize(1);
    }

    @AfterAll
    static void stop() {
        if (tokens != null) {
            tokens.close();
        }
        if (service != null) {
            service.close();
        }
    }

    private static String follower(int i) {
        return String.format("fan-%03d", i);
    }

    @Test
    void theReplySummarisesByOutcomeAndReasonAndListsTheFirstPageInSubscriptionOrder() {
        JsonNode reply = first.body();
        assertThat(reply.path("copied").asLong()).isEqualTo(COPYING);
        assertThat(reply.path("rejected").asLong()).isEqualTo(FOLLOWERS - COPYING);
        JsonNode summary = reply.path("decisionSummary");
        assertThat(summary.path("total").asLong()).isEqualTo(FOLLOWERS);
        assertThat(summary.path("byOutcome").toString()).isEqualTo("{\"COPIED\":200,\"REJECTED\":50}");
        assertThat(summary.path("byReason").path("REJECTED").toString())
                .isEqualTo("{\"BELOW_MIN_QTY\":20,\"PAUSED\":30}");
        assertThat(ids(reply.path("decisions"))).as("the first 100 in subscription order")
                .isEqualTo(subscriptions.subList(0, 100));
        assertThat(summary.path("nextCursor").isTextual()).isTrue();
        assertThat(summary.path("next").asText()).isEqualTo("/decisions?expertId=alice&fillId=big-1&cursor="
                + summary.path("nextCursor").asText());
        assertThat(summary.path("list").asText()).isEqualTo("/decisions?expertId=alice&fillId=big-1");
        assertThat(first.raw().length()).as("bounded: 100 short decisions and a summary").isLessThan(20_000);
    }

    @Test
    void pagingTheRestYieldsEveryDecisionOnceInOrderWhileNewFillsArrive() {
        List<String> seen = new ArrayList<>(ids(first.body().path("decisions")));
        String next = first.body().path("decisionSummary").path("next").asText();
        int pages = 0;
        while (next != null) {
            Response page = api.get(next);
            assertThat(page.status()).as(page.raw()).isEqualTo(200);
            for (JsonNode d : page.body().path("items")) {
                assertThat(d.path("fillId").asText()).isEqualTo("big-1");
                assertThat(d.path("expertId").asText()).isEqualTo("alice");
            }
            seen.addAll(ids(page.body().path("items")));
            JsonNode cursor = page.body().path("nextCursor");
            next = cursor.isNull() ? null : "/decisions?expertId=alice&fillId=big-1&cursor=" + cursor.asText();
            // new decisions land after the cursor: another fill of alice's and one of carol's
            newFills(later(), pages++);
        }
        assertThat(seen).as("every decision once, in subscription order").isEqualTo(subscriptions);
    }

    @Test
    void pagingTheWholeListNewestFirstYieldsEveryDecisionOnce() {
        List<String> seen = new ArrayList<>();
        String cursor = null;
        int pages = 0;
        do {
            Response page = api.get("/decisions?expertId=alice&fillId=big-1&limit=70" + (cursor == null ? "" : "&cursor=" + cursor));
            assertThat(page.status()).as(page.raw()).isEqualTo(200);
            seen.addAll(ids(page.body().path("items")));
            cursor = page.body().path("nextCursor").isNull() ? null : page.body().path("nextCursor").asText();
            newFills(later(), 100 + pages++);
        } while (cursor != null);
        assertThat(pages).isEqualTo(4);
        assertThat(seen).as("every decision once, newest first").isEqualTo(reversed(subscriptions));
    }

    @Test
    void aRepeatOfTheFillIsTheFirstAnswerByteForByte() {
        Response repeat = api.post("/experts/alice/fills", FILL);
        assertThat(repeat.status()).isEqualTo(200);
        assertThat(repeat.raw()).isEqualTo(first.raw());
    }

    @Test
    void aSmallFillListsEveryDecisionAndPointsNowhere() {
        Scenario given = new Scenario(api, T0).expert("dave", "100000");
        List<String> small = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            small.add(given.multiplierFollow("small-" + i, "dave", "500", "0.1", null).text("subscriptionId"));
        }
        Response r = given.fill("dave", "small-1", "FANUSDT", "OPEN_LONG", "1", "100", 10, later() - T0);
        assertThat(ids(r.body().path("decisions"))).isEqualTo(small);
        JsonNode summary = r.body().path("decisionSummary");
        assertThat(summary.path("total").asLong()).isEqualTo(3);
        assertThat(summary.path("byOutcome").toString()).isEqualTo("{\"COPIED\":3}");
        assertThat(summary.path("nextCursor").isNull()).isTrue();
        assertThat(summary.path("next").isNull()).isTrue();
    }

    @Test
    void aFollowerPagesOnlyItsOwnDecisions() {
        int mine = 150;
        ApiClient follower = api.as(tokens.token("fan@example", Role.FOLLOWER, follower(mine)));
        Response rest = follower.get(first.body().path("decisionSummary").path("next").asText());
        assertThat(rest.status()).as(rest.raw()).isEqualTo(200);
        assertThat(ids(rest.body().path("items"))).containsExactly(subscriptions.get(mine));
        assertThat(rest.body().path("nextCursor").isNull()).isTrue();
        Response all = follower.get("/decisions?expertId=alice&fillId=big-1");
        assertThat(ids(all.body().path("items"))).containsExactly(subscriptions.get(mine));
        ApiClient early = api.as(tokens.token("fan0@example", Role.FOLLOWER, follower(5)));
        assertThat(early.get(first.body().path("decisionSummary").path("next").asText()).body().path("items"))
                .as("its decision is in the reply's first page, not after it").isEmpty();
    }

    @Test
    void anExpertMarginChangeIsBoundedTheSameWayAndPagesThroughRiskActions() {
        Response r = api.post("/experts/alice/margin", "{\"symbol\":\"FANUSDT\",\"side\":\"LONG\",\"amount\":\"1\","
                + "\"requestId\":\"m-1\",\"time\":" + later() + "}");
        assertThat(r.status()).as(r.raw()).isEqualTo(200);
        JsonNode summary = r.body().path("decisionSummary");
        assertThat(summary.path("total").asLong()).as(summary.toString()).isEqualTo(COPYING);
        assertThat(summary.path("byOutcome").path("APPLIED").asLong()).as(summary.toString()).isEqualTo(COPYING);
        assertThat(r.body().path("decisions")).hasSize(100);
        assertThat(summary.path("next").asText()).startsWith("/risk-actions?cause=expert-margin");
        List<String> seen = new ArrayList<>(ids(r.body().path("decisions")));
        String next = summary.path("next").asText();
        String list = summary.path("list").asText();
        while (next != null) {
            Response page = api.get(next);
            assertThat(page.status()).as(page.raw()).isEqualTo(200);
            for (JsonNode a : page.body().path("items")) {
                assertThat(a.path("action").asText()).isEqualTo("MARGIN");
            }
            seen.addAll(ids(page.body().path("items")));
            JsonNode cursor = page.body().path("nextCursor");
            next = cursor.isNull() ? null : list + "&cursor=" + cursor.asText();
        }
        assertThat(seen).isEqualTo(subscriptions.subList(0, COPYING));
        assertThat(new HashSet<>(seen)).hasSize(COPYING);
    }

    @Test
    @Order(Integer.MAX_VALUE)
    void aPriceCrashThatLiquidatesEveryCopyIsBoundedAndPagesThroughRiskActions() {
        // last: it liquidates the 200 isolated copies the other tests read (10x leverage, price down 20 %)
        long time = later();
        Response r = api.post("/prices", "{\"time\":" + time + ",\"prices\":[{\"symbol\":\"FANUSDT\",\"price\":\"80\"}]}");
        assertThat(r.status()).as(r.raw()).isEqualTo(200);
        JsonNode summary = r.body().path("riskActionSummary");
        assertThat(summary.path("total").asLong()).as(summary.toString()).isEqualTo(COPYING);
        assertThat(summary.path("byOutcome").path("LIQUIDATE").asLong()).as(summary.toString()).isEqualTo(COPYING);
        assertThat(r.body().path("riskActions")).hasSize(100);
        assertThat(summary.path("list").asText()).isEqualTo("/risk-actions?cause=prices%40" + time);
        List<String> seen = new ArrayList<>(ids(r.body().path("riskActions")));
        String next = summary.path("next").asText();
        while (next != null) {
            Response page = api.get(next);
            assertThat(page.status()).as(page.raw()).isEqualTo(200);
            seen.addAll(ids(page.body().path("items")));
            JsonNode cursor = page.body().path("nextCursor");
            next = cursor.isNull() ? null : summary.path("list").asText() + "&cursor=" + cursor.asText();
        }
        assertThat(seen).hasSize(COPYING);
        assertThat(new HashSet<>(seen)).as("each liquidation once").hasSize(COPYING);
    }

    private static void newFills(long time, int n) {
        Response more = api.post("/experts/alice/fills", "{\"fillId\":\"more-" + n + "\",\"symbol\":\"FANUSDT\","
                + "\"action\":\"OPEN_LONG\",\"qty\":\"1\",\"price\":\"100\",\"leverage\":10,\"marginMode\":\"ISOLATED\","
                + "\"status\":\"FILLED\",\"time\":" + time + "}");
        assertThat(more.status()).as(more.raw()).isEqualTo(200);
        Response carols = api.post("/experts/carol/fills", "{\"fillId\":\"c-" + n + "\",\"symbol\":\"FANUSDT\","
                + "\"action\":\"OPEN_LONG\",\"qty\":\"1\",\"price\":\"100\",\"leverage\":10,\"marginMode\":\"CROSS\","
                + "\"status\":\"FILLED\",\"time\":" + time + "}");
        assertThat(carols.status()).as(carols.raw()).isEqualTo(200);
    }

    private static List<String> ids(JsonNode items) {
        List<String> out = new ArrayList<>();
        items.forEach(d -> out.add(d.path("subscriptionId").asText()));
        return out;
    }

    private static List<String> reversed(List<String> in) {
        List<String> out = new ArrayList<>(in);
        java.util.Collections.reverse(out);
        return out;
    }
}
