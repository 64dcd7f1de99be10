package com.copyguard.it;

import static org.assertj.core.api.Assertions.assertThat;

import com.copyguard.testing.ApiClient;
import com.copyguard.testing.ApiClient.Response;
import com.fasterxml.jackson.databind.JsonNode;

/**
 * Setup and actions for the issue-16 end-to-end tests (pause, loss limits, drawdown, capacity,
 * margin), all over HTTP through {@link ApiClient}; each step asserts the status it expects.
 */
public final class FollowerControls {
    /** 2023-11-15 00:00 UTC+8 (a Wednesday); tests place their inputs around it. */
    public static final long WEDNESDAY = 1_699_977_600_000L;
    public static final long MINUTE = 60_000L;
    public static final long HOUR = 60 * MINUTE;
    public static final long DAY = 24 * HOUR;

    private final ApiClient api;

    public FollowerControls(ApiClient api) {
        this.api = api;
    }

    public ApiClient api() {
        return api;
    }

    /** An instrument with step/min 0.001, no fee and maintenance margin rate 0.005. */
    public FollowerControls instrument(String symbol) {
        expect(api.put("/instruments/" + symbol, "{\"minQty\":\"0.001\",\"qtyStep\":\"0.001\",\"maxLeverage\":125,"
                + "\"takerFeeRate\":\"0\",\"maintenanceMarginRate\":\"0.005\"}"), 200);
        return this;
    }

    public FollowerControls expert(String expertId, String json) {
        Response r = api.put("/experts/" + expertId, json);
        assertThat(r.status()).as(r.raw()).isIn(200, 201);
        return this;
    }

    /** A MULTIPLIER follow; returns the reply ({subscriptionId, accountId, ...}). */
    public Response follow(String follower, String expert, String amount, String multiplier, String settings, long time) {
        return expect(api.post("/subscriptions", followJson(follower, expert, amount, multiplier, settings, time)), 201);
    }

    public static String followJson(String follower, String expert, String amount, String multiplier, String settings, long time) {
        return "{\"followerId\":\"" + follower + "\",\"expertId\":\"" + expert + "\",\"mode\":\"MULTIPLIER\",\"amount\":\""
                + amount + "\",\"multiplier\":\"" + multiplier + "\",\"time\":" + time
                + (settings == null ? "" : ",\"settings\":" + settings) + "}";
    }

    public Response fill(String expert, String fillId, String symbol, String action, String qty, String price, String marginMode,
                  long time) {
        return expect(api.post("/experts/" + expert + "/fills", "{\"fillId\":\"" + fillId + "\",\"symbol\":\"" + symbol
                + "\",\"action\":\"" + action + "\",\"qty\":\"" + qty + "\",\"price\":\"" + price + "\",\"leverage\":10,"
                + "\"marginMode\":\"" + marginMode + "\",\"status\":\"FILLED\",\"time\":" + time + "}"), 200);
    }

    public Response price(String symbol, String price, long time) {
        return expect(api.post("/prices", "{\"time\":" + time + ",\"prices\":[{\"symbol\":\"" + symbol + "\",\"price\":\""
                + price + "\"}]}"), 200);
    }

    public Response pause(String subscriptionId, long time) {
        return api.post("/subscriptions/" + subscriptionId + "/pause", "{\"time\":" + time + "}");
    }

    public Response resume(String subscriptionId, boolean catchUp, long time) {
        return api.post("/subscriptions/" + subscriptionId + "/resume", "{\"copyExistingPositions\":" + catchUp
                + ",\"time\":" + time + "}");
    }

    public Response positionMargin(String subscriptionId, String symbol, String side, String amount, long time) {
        return api.post("/subscriptions/" + subscriptionId + "/positions/margin", marginJson(symbol, side, amount, time));
    }

    public Response expertMargin(String expertId, String symbol, String side, String amount, long time) {
        return api.post("/experts/" + expertId + "/margin", marginJson(symbol, side, amount, time));
    }

    private static String marginJson(String symbol, String side, String amount, long time) {
        return "{\"symbol\":\"" + symbol + "\",\"side\":\"" + side + "\",\"amount\":\"" + amount
                + "\",\"requestId\":\"m-" + time + "\",\"time\":" + time + "}";
    }

    public Response deposit(String accountId, String amount, String requestId, long time) {
        return expect(api.post("/accounts/" + accountId + "/deposits", "{\"amount\":\"" + amount + "\",\"requestId\":\""
                + requestId + "\",\"time\":" + time + "}"), 200);
    }

    public JsonNode subscription(String id) {
        return expect(api.get("/subscriptions/" + id), 200).body();
    }

    public JsonNode account(String id) {
        return expect(api.get("/accounts/" + id), 200).body();
    }

    /** The subscription's only open position. */
    public JsonNode position(String subscriptionId) {
        JsonNode positions = subscription(subscriptionId).path("positions");
        assertThat(positions).hasSize(1);
        return positions.get(0);
    }

    public static JsonNode only(Response fill) {
        assertThat(fill.body().path("decisions")).as(fill.raw()).hasSize(1);
        return fill.body().path("decisions").get(0);
    }

    public static JsonNode decisionOf(Response fill, String subscriptionId) {
        for (JsonNode d : fill.body().path("decisions")) {
            if (d.path("subscriptionId").asText().equals(subscriptionId)) {
                return d;
            }
        }
        throw new AssertionError("no decision for " + subscriptionId + " in " + fill.raw());
    }

    public static Response expect(Response r, int status) {
        assertThat(r.status()).as(r.raw()).isEqualTo(status);
        return r;
    }
}
