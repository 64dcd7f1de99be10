package com.copyguard.journal;

import com.copyguard.command.*;
import com.copyguard.engine.Json;
import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class OldFormatGeneratorTest {
    static JsonNode j(String s) throws Exception { return Json.MAPPER.readTree(s); }

    @Test
    void generate() throws Exception {
        List<String> out = new ArrayList<>();
        out.add(CommandCodec.encode(PutInstrument.parse("PAIRUSDT", j("{\"minQty\":\"0.001\",\"qtyStep\":\"0.001\",\"maxLeverage\":125,\"takerFeeRate\":\"0.0005\",\"maintenanceMarginRate\":0.005,\"followNotionalLimit\":\"500000\"}"))));
        out.add(CommandCodec.encode(PutExpert.parse("alice", j("{\"profitShareRate\":\"0.1\",\"minFollowAmount\":100,\"equity\":\"1000.50\",\"maxFollowers\":null}"))));
        out.add(CommandCodec.encode(PutExpert.parse("bob", j("{\"maxFollowers\":500}"))));
        out.add(CommandCodec.encode(ExpertFill.parse("alice", j("{\"fillId\":\"f1\",\"symbol\":\"BTCUSDT\",\"action\":\"OPEN_LONG\",\"qty\":\"0.10\",\"price\":6.1E+4,\"leverage\":100,\"marginMode\":\"CROSS\",\"status\":\"FILLED\",\"time\":1700000001000,\"expertEquity\":\"1000\"}"))));
        out.add(CommandCodec.encode(PriceTick.parse(j("{\"time\":1700000002000,\"prices\":[{\"symbol\":\"BTCUSDT\",\"price\":\"61000.5\"},{\"symbol\":\"ETHUSDT\",\"price\":3000}]}"))));
        out.add(CommandCodec.encode(AdvanceClock.parse(j("{\"time\":1700000003000}"))));
        out.add(CommandCodec.encode(Follow.parse(j("{\"followerId\":\"bob\",\"expertId\":\"alice\",\"mode\":\"MULTIPLIER\",\"multiplier\":\"0.1\",\"amount\":\"100\",\"settings\":{\"leverage\":{\"mode\":\"FIXED\",\"value\":20}},\"time\":1700000000000}"))));
        out.add(CommandCodec.encode(Follow.parse(j("{\"followerId\":\"carol\",\"expertId\":\"alice\",\"mode\":\"FIXED_MARGIN\",\"fixedMargin\":50,\"amount\":1E+3,\"copyExistingPositions\":true,\"refuseAvoidExperts\":true,\"time\":1700000000500,\"settings\":{\"pairs\":[\"BTCUSDT\",\"ETHUSDT\"],\"autoFollowNewPairs\":false,\"leverage\":{\"mode\":\"CUSTOM\",\"perSymbol\":{\"BTCUSDT\":10,\"ETHUSDT\":5}},\"marginMode\":\"ISOLATED\",\"stopLossRatio\":\"0.5\",\"takeProfitRatio\":1.50,\"maxMarginPerPair\":\"200\",\"maxSlippage\":0.01,\"maxMarginPerOrderRatio\":\"0.25\",\"maxPositionValue\":5E+4,\"guardian\":{\"maxNetLoss\":\"300\",\"minNetValue\":null,\"maxDrawdownRatio\":\"0.4\"},\"lossLimits\":[{\"period\":\"DAY\",\"maxLoss\":\"50\",\"closePositions\":true},{\"period\":\"WEEK\",\"maxLossRatio\":0.2}]}}"))));
        out.add(CommandCodec.encode(Follow.parse(j("{\"followerId\":\"dave\",\"expertId\":\"alice\",\"mode\":\"SMART_RATIO\",\"amount\":\"500\",\"time\":1700000000600}"))));
        out.add(CommandCodec.encode(Follow.parse(j("{\"followerId\":\"erin\",\"expertId\":\"alice\",\"mode\":\"SMART_RATIO\",\"amount\":\"500\",\"settings\":null,\"time\":1700000000700}"))));
        out.add(CommandCodec.encode(PatchSettings.parse("S1", j("{\"maxSlippage\":\"0.02\",\"stopLossRatio\":null,\"guardian\":null,\"pairs\":null,\"autoFollowNewPairs\":null}"))));
        out.add(CommandCodec.encode(PatchSettings.parse("S2", j("{\"takeProfitRatio\":2,\"lossLimits\":null,\"maxMarginPerOrderRatio\":null,\"guardian\":{\"maxDrawdownRatio\":0.3},\"leverage\":{\"mode\":\"FOLLOW_EXPERT\"},\"maxPositionValue\":1E+5}"))));
        out.add(CommandCodec.encode(Deposit.parse("A1", j("{\"amount\":\"250.5\",\"requestId\":\"d-1\",\"time\":1700000004000}"))));
        out.add(CommandCodec.encode(Withdraw.parse("A1", j("{\"amount\":10,\"requestId\":\"w-1\",\"time\":1700000005000}"))));
        out.add(CommandCodec.encode(StopFollowing.parse("S1", j("{\"mode\":\"MARKET_CLOSE\",\"time\":1700000006000}"))));
        out.add(CommandCodec.encode(ClosePosition.parse("S1", j("{\"symbol\":\"BTCUSDT\",\"side\":\"LONG\",\"time\":1700000007000}"))));
        out.add(CommandCodec.encode(PauseSubscription.parse("S1", j("{\"time\":1700000008000}"))));
        out.add(CommandCodec.encode(ResumeSubscription.parse("S1", j("{\"copyExistingPositions\":true,\"time\":1700000009000}"))));
        out.add(CommandCodec.encode(ChangePositionMargin.parse("S1", j("{\"symbol\":\"BTCUSDT\",\"side\":\"SHORT\",\"amount\":\"-12.50\",\"requestId\":\"m-1\",\"time\":1700000010000}"))));
        out.add(CommandCodec.encode(ExpertMarginChange.parse("alice", j("{\"symbol\":\"BTCUSDT\",\"side\":\"LONG\",\"amount\":5,\"requestId\":\"em-1\",\"time\":1700000011000}"))));
        out.add(CommandCodec.encode(ExpertEquityReport.parse("alice", j("{\"time\":1700000012000,\"equity\":\"1200\",\"transfer\":\"-100\"}"))));
        out.add(CommandCodec.encode(ExpertEquityReport.parse("alice", j("{\"time\":1700000013000,\"equity\":1300}"))));
        out.add(CommandCodec.encode(ActivateRules.of("v2", "second \"cut\"", Map.of("a.drl", "rule \"x\"\nwhen\nthen\nend\n", "manifest.json", "{}"))
                .approved("P1", new Sender("ann", "rules-author"), new Sender("bo", "rules-admin"))));
        out.add(CommandCodec.encode(ActivateRules.of("v1", "first", Map.of("b.drl", "// ü\n"))));
        out.add(CommandCodec.encode(Deposit.parse("A2", j("{\"amount\":6E+4,\"requestId\":\"d-2\",\"time\":1700000014000}")), new Sender("bob", "follower")));
        out.add(CommandCodec.encode(Follow.parse(j("{\"followerId\":\"fay\",\"expertId\":\"alice\",\"mode\":\"SMART_RATIO\",\"amount\":\"500\",\"settings\":{\"maxSlippage\":\"0.010\"},\"time\":1700000015000}")), new Sender("fay", "follower")));
        Files.write(Path.of("src/test/resources/journal/written-before-issue-14.jsonl"), out);
    }
}
