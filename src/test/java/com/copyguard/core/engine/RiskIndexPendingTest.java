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
import com.copyguard.core.rules.ActiveRules;
import com.copyguard.core.rules.RuleSetLoader;
import com.copyguard.core.screening.EngineAssembly;
import com.copyguard.json.Json;
import com.copyguard.json.input.SettingsParser;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Every selection of the risk index walks the accounts marked changed and not evaluated since. An
 * account that holds no position is never evaluated by a tick or a fill, so it must not stay marked:
 * on a platform where most subscriptions hold nothing on most symbols it made every input cost
 * O(accounts) (the platform mix ran 4-5 times slower on rules/v3 than on v2).
 */
final class RiskIndexPendingTest {
    @Test
    void accountsWithoutPositionsDoNotStayPending() throws Exception {
        Engine engine = EngineAssembly.create(new ActiveRules(RuleSetLoader.loadFolder(Path.of("rules/v3"))));
        long time = 1_767_225_600_000L;
        engine.apply(new PutInstrument("BTCUSDT", d("0.001"), d("0.001"), 125, d("0.0006"), d("0.004"), null));
        engine.apply(new PutInstrument("ETHUSDT", d("0.001"), d("0.001"), 125, d("0.0006"), d("0.004"), null));
        engine.apply(new PutExpert("x0", d("0.1"), null, d("1000000")));
        engine.apply(new PutExpert("x1", d("0.1"), null, d("1000000")));
        engine.apply(tick(time, "BTCUSDT", "60000"));
        engine.apply(tick(time, "ETHUSDT", "3000"));
        for (int i = 0; i < 200; i++) {
            engine.apply(follow("a" + i, "x0", time + 1_000));
            engine.apply(follow("b" + i, "x1", time + 1_000));
        }
        // x0's followers open BTC; x1's followers hold nothing
        engine.apply(new ExpertFill("x0", "open-0", "BTCUSDT", FillAction.OPEN_LONG, d("1"), d("60000"), 10,
                MarginMode.CROSS, FillStatus.FILLED, time + 2_000, null));
        assertThat(engine.ledger().holderCount("BTCUSDT")).isEqualTo(200);

        engine.apply(tick(time + 3_000, "ETHUSDT", "3001"));

        // the fill's risk pass evaluated the 200 holders; the 200 without a position left the set
        assertThat(engine.riskIndexStats().pending()).isZero();
        // a quiet BTC tick evaluates none of the 400 accounts: nothing changed, nothing crossed
        long before = engine.riskIndexStats().evaluated();
        engine.apply(tick(time + 4_000, "BTCUSDT", "60001"));
        assertThat(engine.riskIndexStats().evaluated()).isEqualTo(before);

        // one of x1's followers opening a position is marked again, and the next tick of its symbol evaluates it
        engine.apply(new ExpertFill("x1", "open-1", "ETHUSDT", FillAction.OPEN_LONG, d("1"), d("3001"), 10,
                MarginMode.CROSS, FillStatus.FILLED, time + 5_000, null));
        assertThat(engine.ledger().holderCount("ETHUSDT")).isEqualTo(200);
        assertThat(engine.riskIndexStats().pending()).isZero();
    }

    private static Follow follow(String follower, String expert, long time) throws Exception {
        var s = Json.object();
        s.putObject("leverage").put("mode", "FIXED").put("value", 10);
        return new Follow(follower, expert, FollowMode.FIXED_MARGIN, d("1000"), d("20"), null, false,
                SettingsParser.patch(s), time, false);
    }

    private static PriceTick tick(long time, String symbol, String price) {
        return new PriceTick(time, List.of(new PriceTick.SymbolPrice(symbol, d(price))));
    }

    private static BigDecimal d(String s) {
        return new BigDecimal(s);
    }
}
