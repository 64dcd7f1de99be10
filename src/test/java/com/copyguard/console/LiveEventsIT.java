package com.copyguard.console;

import static org.assertj.core.api.Assertions.assertThat;

import com.copyguard.testing.ApiClient.Response;
import com.copyguard.testing.EventStreamReader;
import com.copyguard.testing.EventStreamReader.Event;
import com.copyguard.testing.SharedService;
import java.time.Duration;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * GET /events over real HTTP: what a follower's console sees live, and resuming after a drop with
 * Last-Event-ID gets exactly the missed events, once each, then the live ones.
 */
class LiveEventsIT extends SharedService {
    /** These tests send event times near the wall clock as they are, not as offsets from EventTimes.T0. */
    private final com.copyguard.testing.Scenario absolute = new com.copyguard.testing.Scenario(api, 0);
    private static final Duration WAIT = Duration.ofSeconds(10);
    private static final Duration QUIET = Duration.ofMillis(700);
    private final long t0 = System.currentTimeMillis() - 600_000;

    private String follow(String follower, String expert) {
        absolute.expert(expert, "1000");
        return absolute.follow("{\"followerId\":\"" + follower + "\",\"expertId\":\"" + expert + "\",\"mode\":\"MULTIPLIER\","
                + "\"amount\":\"100\",\"multiplier\":\"0.1\",\"settings\":{\"leverage\":{\"mode\":\"FIXED\",\"value\":20}},"
                + "\"time\":" + t0 + "}").text("subscriptionId");
    }

    private void fill(String expert, String fillId, String action, String price, long at) {
        absolute.fill(expert, fillId, "BTCUSDT", action, "0.1", price, 100, t0 + at);
    }

    @Test
    void aClientThatReconnectsWithLastEventIdGetsExactlyTheEventsItMissed() {
        String sub = follow("ev-follower", "ev-expert");
        try (EventStreamReader witness = EventStreamReader.open(api, "followerId=ev-follower", null)) {
            EventStreamReader client = EventStreamReader.open(api, "followerId=ev-follower", null);
            fill("ev-expert", "ev-1", "OPEN_LONG", "100000", 10_000);
            Event seen = client.next(WAIT);
            assertThat(seen.type()).isEqualTo("DECISION");
            assertThat(seen.data().path("fillId").asText()).isEqualTo("ev-1");
            assertThat(seen.data().path("subscriptionId").asText()).isEqualTo(sub);
            assertThat(witness.next(WAIT).id()).isEqualTo(seen.id());
            client.close();

            // while the client is away: a profitable close, a withdrawal that freezes profit share, a stop
            fill("ev-expert", "ev-2", "CLOSE_LONG", "110000", 20_000);
            Response w = api.post("/accounts/" + account(sub) + "/withdrawals",
                    "{\"amount\":\"180\",\"requestId\":\"ev-w1\",\"time\":" + (t0 + 30_000) + "}");
            assertThat(w.status()).as(w.raw()).isEqualTo(200);
            assertThat(w.text("frozenAdded")).isNotEqualTo("0");
            fill("ev-expert", "ev-3", "OPEN_LONG", "110000", 40_000);
            Response stop = api.post("/subscriptions/" + sub + "/stop", "{\"mode\":\"MARKET_CLOSE\",\"time\":" + (t0 + 50_000) + "}");
            assertThat(stop.status()).as(stop.raw()).isEqualTo(200);
            List<Event> missed = witness.drain(QUIET);
            assertThat(missed.stream().map(Event::type).collect(Collectors.toSet()))
                    .contains("DECISION", "FREEZE", "FUNDS", "STATUS", "SETTLEMENT");

            try (EventStreamReader resumed = EventStreamReader.open(api, "followerId=ev-follower", seen.id())) {
                List<Event> got = resumed.take(missed.size(), WAIT);
                assertThat(got).extracting(Event::id).containsExactlyElementsOf(missed.stream().map(Event::id).toList());
                assertThat(got).extracting(e -> e.data().toString())
                        .containsExactlyElementsOf(missed.stream().map(e -> e.data().toString()).toList());
                assertThat(resumed.drain(QUIET)).as("nothing twice, nothing extra").isEmpty();

                // then it goes on live
                Response deposit = api.post("/accounts/" + account(sub) + "/deposits",
                        "{\"amount\":\"5\",\"requestId\":\"ev-d1\",\"time\":" + (t0 + 60_000) + "}");
                assertThat(deposit.status()).as(deposit.raw()).isEqualTo(200);
                Event live = resumed.next(WAIT);
                assertThat(live.type()).isEqualTo("FUNDS");
                assertThat(Long.parseLong(live.id())).isGreaterThan(Long.parseLong(missed.get(missed.size() - 1).id()));
                assertThat(live.id()).isEqualTo(witness.next(WAIT).id());
            }
        }
    }

    @Test
    void eventsCarryTheirReasonsAndFiltersKeepStreamsApart() {
        String sub = follow("ev-other", "ev-expert2");
        try (EventStreamReader statusOnly = EventStreamReader.open(api, "subscriptionId=" + sub + "&types=STATUS", null);
             EventStreamReader byExpert = EventStreamReader.open(api, "expertId=ev-expert2&types=DECISION", null);
             EventStreamReader stranger = EventStreamReader.open(api, "followerId=nobody-here", null)) {
            // a refused input publishes nothing
            Response refused = api.post("/experts/ev-expert2/fills", "{\"fillId\":\"bad\",\"symbol\":\"NOPE\"}");
            assertThat(refused.status()).isEqualTo(400);
            // slippage: the mark is far above the expert's price, so the open is rejected with its reason
            // a symbol of its own, so no other test's later price is the mark
            absolute.instrument("EVSUSDT", "0");
            absolute.prices(t0 + 15_000, "EVSUSDT", "120000"); // newer than the fill: the copy would execute at this mark
            absolute.fill("ev-expert2", "ev2-1", "EVSUSDT", "OPEN_LONG", "0.1", "100000", 100, t0 + 10_000);
            Event decision = byExpert.next(WAIT);
            assertThat(decision.data().path("fillId").asText()).isEqualTo("ev2-1");
            assertThat(decision.data().path("outcome").asText()).isEqualTo("REJECTED");
            assertThat(decision.data().path("reason").asText()).isEqualTo("SLIPPAGE_EXCEEDED");
            assertThat(decision.data().path("explanation").size()).isPositive();
            assertThat(decision.data().path("ruleSet").asText()).isNotEmpty();

            api.post("/subscriptions/" + sub + "/stop", "{\"mode\":\"MARKET_CLOSE\",\"time\":" + (t0 + 20_000) + "}");
            Event status = statusOnly.next(WAIT);
            assertThat(status.type()).isEqualTo("STATUS");
            assertThat(status.data().path("to").asText()).isEqualTo("STOPPED");
            assertThat(status.data().path("reason").asText()).isEqualTo("STOP_FOLLOWING");
            assertThat(statusOnly.drain(QUIET)).isEmpty();
            assertThat(stranger.drain(QUIET)).isEmpty();
        }
    }

    @Test
    void resumePointsTheServiceNeverSentOrNoLongerHoldsAreRefused() {
        var tooOld = api.stream("/events", "1");
        assertThat(tooOld.statusCode()).isEqualTo(410);
        assertThat(String.join("", tooOld.body().toList())).contains("EVENTS_GONE");
        var future = api.stream("/events", String.valueOf(Long.MAX_VALUE));
        assertThat(future.statusCode()).isEqualTo(410);
        future.body().close();
        var garbage = api.stream("/events", "yesterday");
        assertThat(garbage.statusCode()).isEqualTo(400);
        garbage.body().close();
        var badType = api.stream("/events?types=DECISION,NOPE", null);
        assertThat(badType.statusCode()).isEqualTo(400);
        assertThat(String.join("", badType.body().toList())).contains("INVALID_FIELD");
    }

    private static String account(String subscriptionId) {
        return api.get("/subscriptions/" + subscriptionId).text("accountId");
    }
}
