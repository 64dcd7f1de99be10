package com.copyguard.json;

import static org.assertj.core.api.Assertions.assertThat;

import com.copyguard.core.command.Sender;
import com.copyguard.core.model.FillAction;
import com.copyguard.core.model.FollowMode;
import com.copyguard.core.model.LeverageMode;
import com.copyguard.core.model.MarginModeChoice;
import com.copyguard.core.model.Outcome;
import com.copyguard.core.model.ReasonCode;
import com.copyguard.core.model.Side;
import com.copyguard.core.model.SubscriptionStatus;
import com.copyguard.core.model.TransactionType;
import com.copyguard.core.engine.AccountResult;
import com.copyguard.core.engine.AccountView;
import com.copyguard.core.engine.DecisionSummary;
import com.copyguard.core.engine.DecisionView;
import com.copyguard.core.engine.ExpertResult;
import com.copyguard.core.engine.ExpertView;
import com.copyguard.core.engine.FanOutSummary;
import com.copyguard.core.engine.FillResult;
import com.copyguard.core.engine.PricesResult;
import com.copyguard.core.engine.Remembered;
import com.copyguard.core.engine.RiskActionSummary;
import com.copyguard.core.engine.RulesActivated;
import com.copyguard.core.engine.SettingsView;
import com.copyguard.core.engine.SubscriptionResult;
import com.copyguard.core.engine.SubscriptionView;
import com.copyguard.core.engine.TransactionView;
import com.copyguard.core.paging.Cursor;
import com.fasterxml.jackson.databind.JsonNode;
import com.copyguard.core.paging.Page;
import com.copyguard.api.ResultStatus;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The edge renders the engine's records as the contract's JSON: fields in record order, decimals as
 * plain strings, explicit nulls where the contract shows them, absent fields where it omits them.
 * (The whole API was also compared byte for byte with the put-chain rendering it replaced.)
 */
class ApiJsonTest {
    private static String json(Object answer) {
        return new String(ApiJson.bytes(answer), StandardCharsets.UTF_8);
    }

    private static BigDecimal d(String s) {
        return new BigDecimal(s);
    }

    @Test
    void decimalsArePlainStringsWithoutTrailingZerosAndNullsStay() {
        DecisionSummary copied = new DecisionSummary("S1", Outcome.COPIED, null, d("1.500E+2"), d("0.00"), null, 10);
        assertThat(json(copied)).isEqualTo("{\"subscriptionId\":\"S1\",\"outcome\":\"COPIED\",\"qty\":\"150\","
                + "\"price\":\"0\",\"margin\":null,\"leverage\":10}");
        DecisionSummary rejected = new DecisionSummary("S2", Outcome.REJECTED, ReasonCode.PAUSED, null, null, null, null);
        assertThat(json(rejected)).contains("\"outcome\":\"REJECTED\",\"reason\":\"PAUSED\",\"qty\":null");
    }

    @Test
    void aFillAnswerListsItsDecisionsAndRiskActions() {
        FillResult fill = fill("f1", List.of(new DecisionSummary("S1", Outcome.COPIED, null, d("0.01"), d("100"), d("1"), 10)),
                List.of(new RiskActionSummary("S1", "BTCUSDT", null, "STOP", ReasonCode.STOP_FOLLOWING, null, null, null)));
        assertThat(json(fill)).isEqualTo("{\"fillId\":\"f1\",\"copied\":1,\"rejected\":0,\"decisions\":[{\"subscriptionId\":"
                + "\"S1\",\"outcome\":\"COPIED\",\"qty\":\"0.01\",\"price\":\"100\",\"margin\":\"1\",\"leverage\":10}],"
                + "\"riskActions\":[{\"subscriptionId\":\"S1\",\"symbol\":\"BTCUSDT\",\"side\":null,\"action\":\"STOP\","
                + "\"reason\":\"STOP_FOLLOWING\",\"qty\":null,\"price\":null,\"realizedPnl\":null}],"
                + "\"decisionSummary\":{\"total\":1,\"byOutcome\":{\"COPIED\":1},\"byReason\":{\"COPIED\":{\"NONE\":1}},"
                + "\"list\":\"/decisions?expertId=x&fillId=f1\",\"nextCursor\":null,\"next\":null},"
                + "\"riskActionSummary\":{\"total\":1,\"byOutcome\":{\"STOP\":1},\"byReason\":{\"STOP\":{\"STOP_FOLLOWING\":1}},"
                + "\"list\":\"/risk-actions?cause=f1\",\"nextCursor\":null,\"next\":null}}");
        assertThat(ResultStatus.of(fill)).isEqualTo(200);
    }

    @Test
    void aLargeFanOutListsItsFirstPageAndLinksTheRestInTheOrderMade() {
        List<DecisionSummary> made = new java.util.ArrayList<>();
        for (int i = 0; i < 250; i++) {
            made.add(new DecisionSummary("S" + i, i < 200 ? Outcome.COPIED : Outcome.REJECTED,
                    i < 200 ? null : i < 230 ? ReasonCode.BELOW_MIN_QTY : ReasonCode.SLIPPAGE_EXCEEDED, null, null, null, null));
        }
        // the fill's decisions sit at log positions 1000..1249: the rest continue after the 100th, position 1099
        FanOutSummary summary = FanOutSummary.of(made, d -> d.outcome().name(), DecisionSummary::reason, 1000);
        FillResult fill = new FillResult("alice", "f 1", 200, 50, FanOutSummary.firstPage(made), summary, List.of(),
                FanOutSummary.of(List.<RiskActionSummary>of(), RiskActionSummary::action, RiskActionSummary::reason, 0));
        JsonNode reply = ApiJson.tree(fill);
        assertThat(reply.path("decisions")).hasSize(FanOutSummary.FIRST_PAGE);
        assertThat(reply.path("decisions").get(99).path("subscriptionId").asText()).isEqualTo("S99");
        JsonNode s = reply.path("decisionSummary");
        assertThat(s.toString()).startsWith("{\"total\":250,\"byOutcome\":{\"COPIED\":200,\"REJECTED\":50},"
                + "\"byReason\":{\"COPIED\":{\"NONE\":200},\"REJECTED\":{\"BELOW_MIN_QTY\":30,\"SLIPPAGE_EXCEEDED\":20}},");
        assertThat(s.path("nextCursor").asText()).isEqualTo(Cursor.encodeOldestFirst(1099));
        assertThat(s.path("next").asText()).isEqualTo("/decisions?expertId=alice&fillId=f+1&cursor="
                + Cursor.encodeOldestFirst(1099));
        assertThat(Cursor.request(s.path("nextCursor").asText(), 100))
                .isEqualTo(com.copyguard.core.paging.PageRequest.oldestFirstAfter(100, 1099));
        assertThat(reply.path("riskActionSummary").path("nextCursor").isNull()).isTrue();
    }

    @Test
    void pricesAnswerTheirRiskActionsBoundedWithTheCauseToListThemAll() {
        List<RiskActionSummary> taken = List.of(new RiskActionSummary("S1", "BTCUSDT", null, "LIQUIDATE",
                ReasonCode.LIQUIDATION, null, null, null));
        PricesResult prices = new PricesResult(taken, "prices@7",
                FanOutSummary.of(taken, RiskActionSummary::action, RiskActionSummary::reason, 3));
        assertThat(json(prices)).endsWith("\"riskActionSummary\":{\"total\":1,\"byOutcome\":{\"LIQUIDATE\":1},"
                + "\"byReason\":{\"LIQUIDATE\":{\"LIQUIDATION\":1}},\"list\":\"/risk-actions?cause=prices%407\","
                + "\"nextCursor\":null,\"next\":null}}").startsWith("{\"riskActions\":[{\"subscriptionId\":\"S1\"");
    }

    private static FillResult fill(String fillId, List<DecisionSummary> decisions, List<RiskActionSummary> actions) {
        FanOutSummary d = FanOutSummary.of(decisions, x -> x.outcome().name(), DecisionSummary::reason, 0);
        FanOutSummary r = FanOutSummary.of(actions, RiskActionSummary::action, RiskActionSummary::reason, 0);
        long copied = d.byOutcome().getOrDefault("COPIED", 0L);
        return new FillResult("x", fillId, copied, decisions.size() - copied, decisions, d, actions, r);
    }

    @Test
    void fieldsTheContractOmitsWhenUnsetAreAbsent() {
        TransactionView bare = new TransactionView(3, 9, TransactionType.DEPOSIT, d("5"), null, null, null);
        assertThat(json(bare)).isEqualTo("{\"seq\":3,\"time\":9,\"type\":\"DEPOSIT\",\"amount\":\"5\"}");
        TransactionView full = new TransactionView(3, 9, TransactionType.DEPOSIT, d("5"), "S1", "deposit:r1",
                new Sender("desk-1", "desk"));
        assertThat(json(full)).endsWith("\"subscriptionId\":\"S1\",\"ref\":\"deposit:r1\","
                + "\"requestedBy\":{\"subject\":\"desk-1\",\"role\":\"desk\"}}");
        DecisionView decision = new DecisionView("f1", "x", "S1", "BTCUSDT", FillAction.OPEN_LONG, Outcome.COPIED, null,
                d("1"), d("2"), d("3"), null, "v1", List.of("r"), Map.of("k", "v"), 7, null);
        assertThat(json(decision)).doesNotContain("reason", "fillSentBy").contains("\"leverage\":null")
                .endsWith("\"rulesFired\":[\"r\"],\"explanation\":{\"k\":\"v\"},\"time\":7}");
        RulesActivated direct = new RulesActivated("v2", "d", "v1", 3, "fp", null, null, null);
        assertThat(json(direct)).isEqualTo("{\"active\":\"v2\",\"description\":\"d\",\"previous\":\"v1\",\"rules\":3,"
                + "\"fingerprint\":\"fp\"}");
    }

    @Test
    void aSubscriptionAnswerIsTheSubscriptionWithWhatTheActionDid() {
        SettingsView settings = new SettingsView(null, true, new SettingsView.Leverage(LeverageMode.FOLLOW_EXPERT, null,
                null), MarginModeChoice.FOLLOW_EXPERT, null, null, null, d("0.005"), null, d("1000000"),
                new SettingsView.Guardian(null, null, null), List.of());
        SubscriptionView s = new SubscriptionView("S1", "f", "x", "A1", FollowMode.SMART_RATIO, null, null,
                SubscriptionStatus.ACTIVE, settings, List.of(), d("0"), d("0"), d("0"), d("0"), d("0"), d("0"), 5, null);
        String view = json(s);
        assertThat(view).contains("\"leverage\":{\"mode\":\"FOLLOW_EXPERT\"},").doesNotContain("stopReason")
                .endsWith("\"startTime\":5}");
        assertThat(json(SubscriptionResult.of(s))).isEqualTo(view);
        assertThat(json(new SubscriptionResult(s, List.of(), null)))
                .isEqualTo(view.substring(0, view.length() - 1) + ",\"riskActions\":[]}");
    }

    @Test
    void aResultThatCarriesAViewIsShownAsTheViewAndCreationIs201() {
        AccountView account = new AccountView("A1", "f", true, d("1"), d("1"), d("0"), d("0"), d("0"), d("1"), d("1"),
                d("0"), d("1"), d("0"), List.of("S1"));
        assertThat(json(new AccountResult(account))).isEqualTo(json(account));
        ExpertView expert = new ExpertView("x", d("10"), d("0.1"), d("0"), List.of(new ExpertView.Position("BTCUSDT",
                Side.LONG, d("1"), d("2"), 3, com.copyguard.core.model.MarginMode.CROSS, d("4"))), 1, null, d("0"));
        assertThat(json(new ExpertResult(expert, true))).isEqualTo(json(expert)).contains("\"maxFollowers\":null");
        assertThat(ResultStatus.of(new ExpertResult(expert, true))).isEqualTo(201);
        assertThat(ResultStatus.of(new ExpertResult(expert, false))).isEqualTo(200);
    }

    @Test
    void aPageIsItsItemsAndTheNextCursor() {
        assertThat(json(new Page<>(List.of("a"), null))).isEqualTo("{\"items\":[\"a\"],\"nextCursor\":null}");
        assertThat(json(new Page<>(List.of(), 7L))).isEqualTo("{\"items\":[],\"nextCursor\":\"" + Cursor.encode(7) + "\"}");
    }

    @Test
    void aRememberedAnswerIsTheSameJsonAndItsSummaryKeepsTheScalars() {
        FillResult fill = new FillResult("x", "f1", 2, 1, List.of(),
                new FanOutSummary(3, new java.util.TreeMap<>(Map.of("COPIED", 2L, "REJECTED", 1L)), new java.util.TreeMap<>(), null),
                List.of(), FanOutSummary.of(List.<RiskActionSummary>of(), RiskActionSummary::action, RiskActionSummary::reason, 0));
        JsonAnswerCodec codec = new JsonAnswerCodec();
        byte[] first = codec.encode(fill);
        assertThat(json(new Remembered(first, false))).isEqualTo(json(fill));
        assertThat(json(new Remembered(codec.summary(first), false)))
                .isEqualTo("{\"fillId\":\"f1\",\"copied\":2,\"rejected\":1,\"decisionSummary\":{\"total\":3,"
                        + "\"byOutcome\":{\"COPIED\":2,\"REJECTED\":1},\"byReason\":{},\"list\":\"/decisions?expertId=x&fillId=f1\","
                        + "\"nextCursor\":null,\"next\":null},\"riskActionSummary\":{\"total\":0,\"byOutcome\":{},"
                        + "\"byReason\":{},\"list\":\"/risk-actions?cause=f1\",\"nextCursor\":null,"
                        + "\"next\":null},\"summary\":true}");
    }
}
