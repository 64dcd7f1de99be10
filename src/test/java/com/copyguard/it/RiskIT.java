package com.copyguard.it;

import static com.copyguard.testing.EventTimes.T0;

import static com.copyguard.testing.Ledgers.assertConsistent;
import static com.copyguard.testing.Ledgers.dec;
import static org.assertj.core.api.Assertions.assertThat;

import com.copyguard.testing.ApiClient.Response;
import com.copyguard.testing.SharedService;
import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * Every rejection and protective action of SPEC.md over HTTP: the case that triggers it, the
 * boundary that does not, and closes getting through where SPEC.md says they must.
 */
class RiskIT extends SharedService {
    /** The version rules/ACTIVE names: what a fresh data directory starts with. */
    private static final String ACTIVE = com.copyguard.testing.TestRuleVersions.activeVersion();
    private static JsonNode only(Response fill) {
        assertThat(fill.body().path("decisions")).hasSize(1);
        return fill.body().path("decisions").get(0);
    }

    private static JsonNode position(String subscriptionId) {
        return api.get("/subscriptions/" + subscriptionId).body().path("positions").get(0);
    }

    private static Response post(String path, String json) {
        Response r = api.post(path, json);
        assertThat(r.status()).as(r.raw()).isEqualTo(200);
        return r;
    }

    @Test
    @DisplayName("SLIPPAGE_EXCEEDED: 0.006 > 0.005 rejected with the compared values; exactly 0.005 copied; closes ignore slippage")
    void slippage() {
        given.instrument("SLIPUSDT", "0").expert("slip-x", "10000");
        String sub = given.multiplierFollow("slip-f", "slip-x", "10000", "1", null).text("subscriptionId");
        given.prices(10_000, "SLIPUSDT", "100.6");
        JsonNode rejected = only(given.fill("slip-x", "sl1", "SLIPUSDT", "OPEN_LONG", "1", "100", 10, 5_000));
        assertThat(rejected.path("reason").asText()).isEqualTo("SLIPPAGE_EXCEEDED");
        JsonNode logged = api.get("/decisions?fillId=sl1").body().path("items").get(0);
        assertThat(logged.path("explanation").path("slippage").asText()).isEqualTo("0.006");
        assertThat(logged.path("explanation").path("maxSlippage").asText()).isEqualTo("0.005");
        assertThat(logged.path("rulesFired").toString()).contains("Slippage above the subscription's limit");

        given.prices(20_000, "SLIPUSDT", "100.5");
        JsonNode atLimit = only(given.fill("slip-x", "sl2", "SLIPUSDT", "OPEN_LONG", "1", "100", 10, 15_000));
        assertThat(atLimit.path("outcome").asText()).isEqualTo("COPIED");
        assertThat(atLimit.path("price").asText()).isEqualTo("100.5");

        given.prices(30_000, "SLIPUSDT", "150");
        // the expert holds 2 (the rejected open counts for it): closing both closes the follower's copy
        JsonNode close = only(given.fill("slip-x", "sl3", "SLIPUSDT", "CLOSE_LONG", "2", "100", 10, 25_000));
        assertThat(close.path("outcome").asText()).isEqualTo("COPIED");
        assertThat(close.path("price").asText()).isEqualTo("150");
        assertThat(api.get("/subscriptions/" + sub).body().path("positions")).isEmpty();
    }

    @Test
    @DisplayName("PAIR_NOT_FOLLOWED: outside the pairs list, and new pairs with autoFollowNewPairs off; closes still copied")
    void pairs() {
        given.instrument("PAIRAUSDT", "0").instrument("PAIRBUSDT", "0").instrument("PAIRCUSDT", "0")
                .instrument("PAIRDUSDT", "0").expert("pair-x", "10000");
        // the expert trades C before anyone follows
        given.fill("pair-x", "pc0", "PAIRCUSDT", "OPEN_LONG", "1", "10", 10, 500);
        String listed = given.multiplierFollow("pair-f1", "pair-x", "10000", "1", "{\"pairs\":[\"PAIRAUSDT\"]}")
                .text("subscriptionId");
        String noNew = given.multiplierFollow("pair-f2", "pair-x", "10000", "1", "{\"autoFollowNewPairs\":false}")
                .text("subscriptionId");

        Response a = given.fill("pair-x", "pa1", "PAIRAUSDT", "OPEN_LONG", "1", "10", 10, 10_000);
        assertThat(decisionOf(a, listed).path("outcome").asText()).isEqualTo("COPIED");
        assertThat(decisionOf(a, noNew).path("reason").asText()).isEqualTo("PAIR_NOT_FOLLOWED");
        Response b = given.fill("pair-x", "pb1", "PAIRBUSDT", "OPEN_LONG", "1", "10", 10, 20_000);
        assertThat(decisionOf(b, listed).path("reason").asText()).isEqualTo("PAIR_NOT_FOLLOWED");
        assertThat(decisionOf(b, noNew).path("reason").asText()).isEqualTo("PAIR_NOT_FOLLOWED");
        Response c = given.fill("pair-x", "pc1", "PAIRCUSDT", "OPEN_LONG", "1", "10", 10, 30_000);
        assertThat(decisionOf(c, noNew).path("outcome").asText()).isEqualTo("COPIED");
        assertThat(decisionOf(c, listed).path("reason").asText()).isEqualTo("PAIR_NOT_FOLLOWED");

        // narrowing the pairs afterwards does not stop the close of an existing copy
        assertThat(api.patch("/subscriptions/" + listed + "/settings", "{\"pairs\":[\"PAIRDUSDT\"]}").status()).isEqualTo(200);
        Response close = given.fill("pair-x", "pa2", "PAIRAUSDT", "CLOSE_LONG", "1", "10", 10, 40_000);
        assertThat(decisionOf(close, listed).path("outcome").asText()).isEqualTo("COPIED");
        assertThat(api.get("/subscriptions/" + listed).body().path("positions")).isEmpty();
    }

    private static JsonNode decisionOf(Response fill, String subscriptionId) {
        for (JsonNode d : fill.body().path("decisions")) {
            if (d.path("subscriptionId").asText().equals(subscriptionId)) {
                return d;
            }
        }
        throw new AssertionError("no decision for " + subscriptionId + " in " + fill.raw());
    }

    @Test
    @DisplayName("EXPERT_FREQUENCY_LIMIT: an open 2,999 ms after the last is copied by nobody; 3,000 ms later is; closes pass")
    void frequency() {
        given.instrument("FREQUSDT", "0").expert("freq-x", "10000");
        String s1 = given.multiplierFollow("freq-f1", "freq-x", "10000", "1", null).text("subscriptionId");
        given.multiplierFollow("freq-f2", "freq-x", "10000", "1", null);
        assertThat(given.fill("freq-x", "fq1", "FREQUSDT", "OPEN_LONG", "1", "10", 10, 10_000).body().path("copied").asInt())
                .isEqualTo(2);
        Response tooSoon = given.fill("freq-x", "fq2", "FREQUSDT", "OPEN_LONG", "1", "10", 10, 12_999);
        assertThat(tooSoon.body().path("rejected").asInt()).isEqualTo(2);
        assertThat(tooSoon.body().findValuesAsText("reason")).containsOnly("EXPERT_FREQUENCY_LIMIT");
        Response close = given.fill("freq-x", "fq3", "FREQUSDT", "CLOSE_LONG", "1", "10", 10, 13_000);
        assertThat(close.body().path("copied").asInt()).isEqualTo(2);
        Response onTime = given.fill("freq-x", "fq4", "FREQUSDT", "OPEN_LONG", "1", "10", 10, 15_999);
        assertThat(onTime.body().path("copied").asInt()).isEqualTo(2);
        // expert: 1 + 1 (not copied) − 1 (half its position) + 1; copies: 1 − ½ + 1
        assertThat(dec(position(s1).path("qty"))).isEqualByComparingTo("1.5");
    }

    @Test
    @DisplayName("TOKEN_LIMIT: following notional per expert and symbol; exactly at the limit is copied")
    void tokenLimit() {
        given.instrumentWithTokenLimit("TOKUSDT", "1500").instrumentWithTokenLimit("TOKEXUSDT", "2000").expert("tok-x", "10000");
        String s1 = given.multiplierFollow("tok-f1", "tok-x", "10000", "1", null).text("subscriptionId");
        String s2 = given.multiplierFollow("tok-f2", "tok-x", "10000", "1", null).text("subscriptionId");
        Response over = given.fill("tok-x", "tk1", "TOKUSDT", "OPEN_LONG", "10", "100", 10, 10_000);
        assertThat(decisionOf(over, s1).path("outcome").asText()).isEqualTo("COPIED");
        assertThat(decisionOf(over, s2).path("reason").asText()).isEqualTo("TOKEN_LIMIT");
        JsonNode logged = api.get("/decisions?fillId=tk1&subscriptionId=" + s2).body().path("items").get(0);
        assertThat(logged.path("explanation").path("followNotionalLimit").asText()).isEqualTo("1500");

        Response exact = given.fill("tok-x", "tk2", "TOKEXUSDT", "OPEN_LONG", "10", "100", 10, 20_000);
        assertThat(exact.body().path("copied").asInt()).isEqualTo(2);
        Response close = given.fill("tok-x", "tk3", "TOKUSDT", "CLOSE_LONG", "10", "100", 10, 30_000);
        assertThat(decisionOf(close, s1).path("outcome").asText()).isEqualTo("COPIED");
    }

    @Test
    @DisplayName("NOT_ACTIVE: a closing subscription copies no opens but still follows the expert's closes, then stops")
    void notActive() {
        given.instrument("NAUSDT", "0").expert("na-x", "10000");
        Response follow = given.follow("{\"followerId\":\"na-f\",\"expertId\":\"na-x\",\"mode\":\"SMART_RATIO\",\"amount\":\"1000\",\"time\":" + (T0 + 1000) + "}");
        String sub = follow.text("subscriptionId");
        given.fill("na-x", "na1", "NAUSDT", "OPEN_LONG", "10", "100", 10, 10_000);
        Response stop = post("/subscriptions/" + sub + "/stop", "{\"mode\":\"FOLLOW_EXPERT_CLOSE\",\"time\":" + (T0 + 11000) + "}");
        assertThat(stop.body().path("status").asText()).isEqualTo("CLOSING");
        JsonNode open = only(given.fill("na-x", "na2", "NAUSDT", "OPEN_LONG", "10", "100", 10, 20_000));
        assertThat(open.path("reason").asText()).isEqualTo("NOT_ACTIVE");
        JsonNode close = only(given.fill("na-x", "na3", "NAUSDT", "CLOSE_LONG", "20", "110", 10, 30_000));
        assertThat(close.path("outcome").asText()).isEqualTo("COPIED");
        JsonNode s = api.get("/subscriptions/" + sub).body();
        assertThat(s.path("status").asText()).isEqualTo("STOPPED");
        assertConsistent(api, follow.text("accountId"));
    }

    @Test
    @DisplayName("STOP_LOSS: ROE exactly −0.5 holds, −0.51 closes at the mark with realized PnL and fee recorded")
    void stopLoss() {
        given.instrument("SLUSDT", "0.001").expert("sl-x", "10000");
        Response f = given.multiplierFollow("sl-f", "sl-x", "1000", "1",
                "{\"stopLossRatio\":\"0.5\",\"leverage\":{\"mode\":\"FIXED\",\"value\":10}}");
        String sub = f.text("subscriptionId");
        given.fill("sl-x", "sl1", "SLUSDT", "OPEN_LONG", "1", "100", 10, 10_000);
        assertThat(given.prices(20_000, "SLUSDT", "95").body().path("riskActions")).isEmpty();
        JsonNode action = given.prices(30_000, "SLUSDT", "94.9").body().path("riskActions").get(0);
        assertThat(action.path("reason").asText()).isEqualTo("STOP_LOSS");
        assertThat(action.path("action").asText()).isEqualTo("CLOSE");
        assertThat(action.path("price").asText()).isEqualTo("94.9");
        assertThat(action.path("qty").asText()).isEqualTo("1");
        assertThat(api.get("/subscriptions/" + sub).body().path("positions")).isEmpty();
        // −5.1 realized, fees 0.1 on open and 0.0949 on close
        JsonNode s = api.get("/subscriptions/" + sub).body();
        assertThat(dec(s.path("realizedPnl"))).isEqualByComparingTo("-5.1");
        assertThat(dec(s.path("fees"))).isEqualByComparingTo("0.1949");
        assertThat(dec(api.get("/accounts/" + f.text("accountId")).body().path("balance"))).isEqualByComparingTo("994.7051");
        JsonNode logged = api.get("/risk-actions?subscriptionId=" + sub).body().path("items").get(0);
        assertThat(logged.path("ruleSet").asText()).isEqualTo(ACTIVE);
        assertThat(logged.path("rulesFired").toString()).contains("Stop loss");
        assertThat(logged.path("explanation").path("roe").asText()).isEqualTo("-0.51");
        assertConsistent(api, f.text("accountId"));
    }

    @Test
    @DisplayName("TAKE_PROFIT: ROE exactly 1 holds, above closes; PATCHed stops apply to existing positions")
    void takeProfitAndPatchedStops() {
        given.instrument("TPUSDT", "0").expert("tp-x", "10000");
        Response f = given.multiplierFollow("tp-f", "tp-x", "1000", "1", "{\"leverage\":{\"mode\":\"FIXED\",\"value\":10}}");
        String sub = f.text("subscriptionId");
        given.fill("tp-x", "tp1", "TPUSDT", "OPEN_LONG", "1", "100", 10, 10_000);
        assertThat(given.prices(20_000, "TPUSDT", "120").body().path("riskActions")).isEmpty();
        assertThat(api.patch("/subscriptions/" + sub + "/settings", "{\"takeProfitRatio\":\"1\"}").status()).isEqualTo(200);
        assertThat(given.prices(30_000, "TPUSDT", "110").body().path("riskActions")).isEmpty();
        JsonNode action = given.prices(40_000, "TPUSDT", "110.01").body().path("riskActions").get(0);
        assertThat(action.path("reason").asText()).isEqualTo("TAKE_PROFIT");
        assertThat(dec(api.get("/subscriptions/" + sub).body().path("realizedPnl"))).isEqualByComparingTo("10.01");
        assertConsistent(api, f.text("accountId"));
    }

    @Test
    @DisplayName("GUARDIAN_NET_LOSS: net loss 99.9 holds, 100 stops following with a market close; the pool stays")
    void guardianNetLoss() {
        given.instrument("GNLUSDT", "0").expert("gnl-x", "10000");
        Response f = given.multiplierFollow("gnl-f", "gnl-x", "1000", "1",
                "{\"guardian\":{\"maxNetLoss\":\"100\"},\"leverage\":{\"mode\":\"FIXED\",\"value\":10}}");
        String sub = f.text("subscriptionId");
        given.fill("gnl-x", "gn1", "GNLUSDT", "OPEN_LONG", "10", "100", 10, 10_000);
        assertThat(given.prices(20_000, "GNLUSDT", "90.01").body().path("riskActions")).isEmpty();
        JsonNode actions = given.prices(30_000, "GNLUSDT", "90").body().path("riskActions");
        assertThat(actions.findValuesAsText("reason")).containsOnly("GUARDIAN_NET_LOSS");
        assertThat(actions.findValuesAsText("action")).containsExactly("CLOSE", "STOP");
        JsonNode s = api.get("/subscriptions/" + sub).body();
        assertThat(s.path("status").asText()).isEqualTo("STOPPED");
        assertThat(s.path("stopReason").asText()).isEqualTo("GUARDIAN_NET_LOSS");
        JsonNode account = api.get("/accounts/" + f.text("accountId")).body();
        assertThat(dec(account.path("balance"))).isEqualByComparingTo("900");
        assertConsistent(api, f.text("accountId"));
        // stopped: the next open is not copied
        assertThat(given.fill("gnl-x", "gn2", "GNLUSDT", "OPEN_LONG", "1", "90", 10, 40_000).body().path("decisions")).isEmpty();
    }

    @Test
    @DisplayName("GUARDIAN_NET_VALUE: equity below minNetValue stops a dedicated account and transfers the rest out")
    void guardianNetValue() {
        given.instrument("GNVUSDT", "0").expert("gnv-x", "1000");
        Response f = given.follow("{\"followerId\":\"gnv-f\",\"expertId\":\"gnv-x\",\"mode\":\"SMART_RATIO\",\"amount\":\"1000\","
                + "\"time\":" + (T0 + 1000) + ",\"settings\":{\"guardian\":{\"minNetValue\":\"950\"}}}");
        given.fill("gnv-x", "gv1", "GNVUSDT", "OPEN_LONG", "10", "100", 10, 10_000);
        assertThat(given.prices(20_000, "GNVUSDT", "95").body().path("riskActions")).isEmpty();
        JsonNode actions = given.prices(30_000, "GNVUSDT", "94.99").body().path("riskActions");
        assertThat(actions.findValuesAsText("reason")).containsOnly("GUARDIAN_NET_VALUE");
        JsonNode account = api.get("/accounts/" + f.text("accountId")).body();
        assertThat(dec(account.path("balance"))).isEqualByComparingTo("0");
        JsonNode txs = api.get("/accounts/" + f.text("accountId") + "/transactions").body().path("items");
        assertThat(txs.findValuesAsText("type")).contains("TRANSFER_OUT");
        assertConsistent(api, f.text("accountId"));
    }

    @Test
    @DisplayName("LIQUIDATION of an isolated position: loss reaching margin − maintenance margin")
    void isolatedLiquidation() {
        given.instrument("LIQIUSDT", "0").expert("liqi-x", "10000");
        Response f = given.multiplierFollow("liqi-f", "liqi-x", "1000", "1",
                "{\"marginMode\":\"ISOLATED\",\"leverage\":{\"mode\":\"FIXED\",\"value\":10}}");
        given.fill("liqi-x", "lq1", "LIQIUSDT", "OPEN_LONG", "1", "100", 10, 10_000);
        assertThat(given.prices(20_000, "LIQIUSDT", "90.46").body().path("riskActions")).isEmpty();
        JsonNode action = given.prices(30_000, "LIQIUSDT", "90.45").body().path("riskActions").get(0);
        assertThat(action.path("action").asText()).isEqualTo("LIQUIDATE");
        assertThat(action.path("reason").asText()).isEqualTo("LIQUIDATION");
        JsonNode txs = api.get("/accounts/" + f.text("accountId") + "/transactions").body().path("items");
        assertThat(txs.findValuesAsText("type")).contains("LIQUIDATION");
        assertConsistent(api, f.text("accountId"));
    }

    @Test
    @DisplayName("LIQUIDATION of a cross account whose equity falls below total maintenance margin")
    void crossLiquidation() {
        given.instrument("LIQCUSDT", "0").expert("liqc-x", "10000");
        Response f = given.multiplierFollow("liqc-f", "liqc-x", "50", "1", "{\"leverage\":{\"mode\":\"FIXED\",\"value\":50}}");
        given.fill("liqc-x", "lc1", "LIQCUSDT", "OPEN_LONG", "20", "100", 50, 10_000);
        assertThat(dec(position(f.text("subscriptionId")).path("qty"))).isEqualByComparingTo("20");
        // at 98: equity 10 ≥ maintenance 9.8; at 97.98: equity 9.6 < 9.798
        assertThat(given.prices(20_000, "LIQCUSDT", "98").body().path("riskActions")).isEmpty();
        JsonNode action = given.prices(30_000, "LIQCUSDT", "97.98").body().path("riskActions").get(0);
        assertThat(action.path("action").asText()).isEqualTo("LIQUIDATE");
        assertThat(dec(api.get("/accounts/" + f.text("accountId")).body().path("balance"))).isEqualByComparingTo("9.6");
        assertConsistent(api, f.text("accountId"));
    }

    @Test
    @DisplayName("copyExistingPositions copies the expert's open positions at the current mark, sized by the mode")
    void copyExistingPositions() {
        given.instrument("CEPUSDT", "0").expert("cep-x", "10000");
        given.fill("cep-x", "ce1", "CEPUSDT", "OPEN_SHORT", "5", "100", 10, 500);
        given.prices(900, "CEPUSDT", "110");
        Response f = given.follow("{\"followerId\":\"cep-f\",\"expertId\":\"cep-x\",\"mode\":\"MULTIPLIER\",\"amount\":\"1000\","
                + "\"multiplier\":\"0.2\",\"copyExistingPositions\":true,\"time\":" + (T0 + 1000) + "}");
        JsonNode copied = f.body().path("copiedPositions").get(0);
        assertThat(copied.path("outcome").asText()).isEqualTo("COPIED");
        assertThat(copied.path("qty").asText()).isEqualTo("1");
        assertThat(copied.path("price").asText()).isEqualTo("110");
        JsonNode p = position(f.text("subscriptionId"));
        assertThat(p.path("side").asText()).isEqualTo("SHORT");
        assertThat(p.path("entryPrice").asText()).isEqualTo("110");
    }

    @Test
    @DisplayName("manual close of one position at market; closing a position that does not exist is 404")
    void manualClose() {
        given.instrument("MANUSDT", "0").expert("man-x", "10000");
        Response f = given.multiplierFollow("man-f", "man-x", "1000", "1", null);
        String sub = f.text("subscriptionId");
        given.fill("man-x", "mn1", "MANUSDT", "OPEN_LONG", "1", "100", 10, 10_000);
        given.prices(20_000, "MANUSDT", "105");
        Response r = post("/subscriptions/" + sub + "/positions/close", "{\"symbol\":\"MANUSDT\",\"side\":\"LONG\",\"time\":" + (T0 + 21000) + "}");
        assertThat(r.body().path("riskActions").get(0).path("reason").asText()).isEqualTo("MANUAL_CLOSE");
        assertThat(r.body().path("positions")).isEmpty();
        assertThat(dec(r.body().path("realizedPnl"))).isEqualByComparingTo("5");
        Response missing = api.post("/subscriptions/" + sub + "/positions/close", "{\"symbol\":\"MANUSDT\",\"side\":\"LONG\",\"time\":" + (T0 + 22000) + "}");
        assertThat(missing.status()).isEqualTo(404);
        assertThat(missing.error()).isEqualTo("NO_OPEN_POSITION");
        // the expert's later close finds nothing to copy for this subscription
        assertThat(given.fill("man-x", "mn2", "MANUSDT", "CLOSE_LONG", "1", "105", 10, 30_000).body().path("decisions")).isEmpty();
        assertConsistent(api, f.text("accountId"));
    }
}
