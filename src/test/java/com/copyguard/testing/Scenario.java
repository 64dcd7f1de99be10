package com.copyguard.testing;

import static org.assertj.core.api.Assertions.assertThat;

import com.copyguard.testing.ApiClient.Response;

/** Short, readable setup steps for end-to-end tests; each asserts that the service accepted it. */
public final class Scenario {
    private final ApiClient api;
    /** Added to every time a step takes: 0 when tests pass event times, a real instant when they pass offsets. */
    private final long base;

    /** Steps take event times as they are. */
    public Scenario(ApiClient api) {
        this(api, 0);
    }

    /** Steps take times as milliseconds after {@code base} (e.g. {@link EventTimes#T0}). */
    public Scenario(ApiClient api, long base) {
        this.api = api;
        this.base = base;
    }

    /** An instrument with step/min 0.001, max leverage 125, the given taker fee and MMR 0.005. */
    public Scenario instrument(String symbol, String fee) {
        return instrument(symbol, "0.001", "0.001", fee);
    }

    public Scenario instrument(String symbol, String minQty, String step, String fee) {
        Response r = api.put("/instruments/" + symbol, "{\"minQty\":\"" + minQty + "\",\"qtyStep\":\"" + step
                + "\",\"maxLeverage\":125,\"takerFeeRate\":\"" + fee + "\",\"maintenanceMarginRate\":\"0.005\"}");
        assertThat(r.status()).as(r.raw()).isEqualTo(200);
        return this;
    }

    public Scenario expert(String expertId, String equity) {
        Response r = api.put("/experts/" + expertId, "{\"equity\":\"" + equity + "\"}");
        assertThat(r.status()).as(r.raw()).isIn(200, 201);
        return this;
    }

    /** Follows and returns {subscriptionId, accountId, status}. */
    public Response follow(String json) {
        Response r = api.post("/subscriptions", json);
        assertThat(r.status()).as(r.raw()).isEqualTo(201);
        return r;
    }

    public Response fill(String expertId, String fillId, String symbol, String action, String qty, String price,
                         int leverage, long time) {
        Response r = api.post("/experts/" + expertId + "/fills", "{\"fillId\":\"" + fillId + "\",\"symbol\":\"" + symbol
                + "\",\"action\":\"" + action + "\",\"qty\":\"" + qty + "\",\"price\":\"" + price + "\",\"leverage\":"
                + leverage + ",\"marginMode\":\"CROSS\",\"status\":\"FILLED\",\"time\":" + (base + time) + "}");
        assertThat(r.status()).as(r.raw()).isEqualTo(200);
        return r;
    }

    /** An instrument with a following-notional limit per expert (token limit). */
    public Scenario instrumentWithTokenLimit(String symbol, String limit) {
        Response r = api.put("/instruments/" + symbol, "{\"minQty\":\"0.001\",\"qtyStep\":\"0.001\",\"maxLeverage\":125,"
                + "\"takerFeeRate\":\"0\",\"maintenanceMarginRate\":\"0.005\",\"followNotionalLimit\":\"" + limit + "\"}");
        assertThat(r.status()).as(r.raw()).isEqualTo(200);
        return this;
    }

    /** A MULTIPLIER follow at time base + 1000 with the given settings JSON (or null); returns {subscriptionId, accountId}. */
    public Response multiplierFollow(String follower, String expert, String amount, String multiplier, String settings) {
        return follow("{\"followerId\":\"" + follower + "\",\"expertId\":\"" + expert + "\",\"mode\":\"MULTIPLIER\","
                + "\"amount\":\"" + amount + "\",\"multiplier\":\"" + multiplier + "\",\"time\":" + (base + 1000)
                + (settings == null ? "" : ",\"settings\":" + settings) + "}");
    }

    public Response prices(long time, String symbol, String price) {
        Response r = api.post("/prices", "{\"time\":" + (base + time) + ",\"prices\":[{\"symbol\":\"" + symbol + "\",\"price\":\""
                + price + "\"}]}");
        assertThat(r.status()).as(r.raw()).isEqualTo(200);
        return r;
    }
}
