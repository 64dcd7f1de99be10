package com.copyguard.core.engine;

import static org.assertj.core.api.Assertions.assertThat;

import com.copyguard.core.command.ExpertFill;
import com.copyguard.core.command.Follow;
import com.copyguard.core.command.PriceTick;
import com.copyguard.core.command.PutExpert;
import com.copyguard.core.command.PutInstrument;
import com.copyguard.core.model.FillAction;
import com.copyguard.core.model.FillStatus;
import com.copyguard.core.model.FollowMode;
import com.copyguard.core.model.MarginMode;
import com.copyguard.core.model.ReasonCode;
import com.copyguard.core.rules.ActiveRules;
import com.copyguard.core.rules.RuleSetLoader;
import com.copyguard.core.screening.EngineAssembly;
import com.copyguard.json.Json;
import com.copyguard.json.input.SettingsParser;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The risk pass checks accounts a slice ({@link RiskProcessor#CHUNK}) at a time but applies what every
 * slice decided in one order: cross liquidations, isolated liquidations, guardian stops, loss limits,
 * then stop loss / take profit, each in account order. A crash of 10 % with more accounts than one slice
 * must liquidate every isolated follower before it closes any cross follower at its stop loss, across
 * the slice boundary, through the risk index and through the full scan alike.
 */
final class RiskSweepSlicesTest {
    private static final BigDecimal ENTRY = new BigDecimal("60000");

    @ParameterizedTest(name = "full scan every {0} ticks")
    @ValueSource(ints = {1, 1_000_000})
    void actionsOfEverySliceAreAppliedInOneOrder(int sweepEvery) throws Exception {
        int followers = RiskProcessor.CHUNK + 904; // two slices
        Engine engine = EngineAssembly.create(new ActiveRules(RuleSetLoader.loadFolder(Path.of("rules/v3"))));
        engine.sweepRiskEvery(sweepEvery);
        long time = 1_767_225_600_000L;
        engine.apply(new PutInstrument("BTCUSDT", d("0.001"), d("0.001"), 125, d("0.0006"), d("0.004"), null));
        engine.apply(new PutExpert("x0", d("0.1"), null, d("1000000")));
        engine.apply(new PriceTick(time, List.of(new PriceTick.SymbolPrice("BTCUSDT", ENTRY))));
        for (int i = 0; i < followers; i++) {
            var s = Json.object();
            s.putObject("leverage").put("mode", "FIXED").put("value", 10);
            s.put("marginMode", i % 2 == 0 ? "ISOLATED" : "CROSS");
            s.put("stopLossRatio", "0.5");
            engine.apply(new Follow("f" + i, "x0", FollowMode.FIXED_MARGIN, d("1000"), d("20"), null, false,
                    SettingsParser.patch(s), time + 1_000, false));
        }
        engine.apply(new ExpertFill("x0", "open-0", "BTCUSDT", FillAction.OPEN_LONG, d("1"), ENTRY, 10, MarginMode.CROSS,
                FillStatus.FILLED, time + 2_000, null));
        assertThat(engine.ledger().holderCount("BTCUSDT")).isEqualTo(followers);

        // 10 % down: an isolated 10x copy loses its whole margin (liquidation), a cross one only passes its stop loss
        engine.apply(new PriceTick(time + 3_000, List.of(new PriceTick.SymbolPrice("BTCUSDT", d("54000")))));

        List<RiskActionRecord> actions = engine.riskLog().query(null, 2 * followers);
        assertThat(actions).hasSize(followers);
        int half = followers / 2;
        assertThat(actions.subList(0, half)).allSatisfy(a -> {
            assertThat(a.action()).isEqualTo(RiskActionRecord.LIQUIDATE);
            assertThat(a.reason()).isEqualTo(ReasonCode.LIQUIDATION);
        });
        assertThat(actions.subList(half, followers)).allSatisfy(a -> {
            assertThat(a.action()).isEqualTo(RiskActionRecord.CLOSE);
            assertThat(a.reason()).isEqualTo(ReasonCode.STOP_LOSS);
        });
        // each kind in account order: the slices' facts were kept in the order the accounts were checked
        assertThat(actions.subList(0, half)).extracting(RiskActionRecord::accountId).isSortedAccordingTo(RiskSweepSlicesTest::byNumber);
        assertThat(actions.subList(half, followers)).extracting(RiskActionRecord::accountId).isSortedAccordingTo(RiskSweepSlicesTest::byNumber);
        assertThat(engine.ledger().holderCount("BTCUSDT")).isZero();
        assertThat(engine.riskIndexMissed()).isZero();
    }

    private static int byNumber(String a, String b) {
        return Long.compare(Long.parseLong(a.substring(1)), Long.parseLong(b.substring(1)));
    }

    private static BigDecimal d(String s) {
        return new BigDecimal(s);
    }
}
