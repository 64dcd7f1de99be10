package com.copyguard.engine;

import static org.assertj.core.api.Assertions.assertThat;

import com.copyguard.command.AdvanceClock;
import com.copyguard.durability.ReplayEntry;
import com.copyguard.durability.Replayer;
import com.copyguard.refusal.InputRefused;
import com.copyguard.command.ClosePosition;
import com.copyguard.command.Command;
import com.copyguard.command.Deposit;
import com.copyguard.command.ExpertFill;
import com.copyguard.command.Follow;
import com.copyguard.command.PriceTick;
import com.copyguard.command.StopFollowing;
import com.copyguard.command.Withdraw;
import com.copyguard.domain.FillAction;
import com.copyguard.domain.FillStatus;
import com.copyguard.domain.FollowMode;
import com.copyguard.domain.MarginMode;
import com.copyguard.domain.Side;
import com.copyguard.durability.StateHash;
import com.copyguard.ledger.Account;
import com.copyguard.rules.ActiveRules;
import com.copyguard.rules.RuleCompilationException;
import com.copyguard.rules.RuleSet;
import com.copyguard.rules.RuleSetLoader;
import com.copyguard.screening.EngineAssembly;
import com.copyguard.testing.TestRuleVersions;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.lifecycle.BeforeContainer;
import net.jqwik.api.statistics.Statistics;

/**
 * Refused inputs interleaved with accepted ones (the conservation property's command mix): the live
 * engine gets every input, a replica gets only the inputs the live one accepted with a change (what
 * the journal holds, so what replay re-applies). After every step both hash the same: a refused
 * input changes nothing, not the clock and not the daily checks, even when its time crosses a day.
 */
class LiveEqualsReplayPropertiesTest {
    private static final long DAY = 86_400_000L;
    private static RuleSet active;

    @BeforeContainer
    static void compile() throws RuleCompilationException {
        active = RuleSetLoader.loadFolder(Path.of("rules", TestRuleVersions.activeVersion()));
    }

    record Step(boolean refused, ConservationPropertiesTest.Step step) {
    }

    @Provide
    Arbitrary<List<Step>> sequences() {
        Arbitrary<ConservationPropertiesTest.Step> step = Combinators.combine(Arbitraries.integers().between(0, 99),
                Arbitraries.integers().between(0, 999), Arbitraries.integers().between(0, 999),
                Arbitraries.integers().between(0, 999)).as(ConservationPropertiesTest.Step::new);
        return Combinators.combine(Arbitraries.integers().between(0, 2).map(n -> n == 0), step).as(Step::new)
                .list().ofMinSize(10).ofMaxSize(30);
    }

    @Property(tries = 40)
    void theLiveStateAlwaysEqualsTheReplayedState(@ForAll("sequences") List<Step> steps) {
        Engine live = EngineAssembly.create(new ActiveRules(active));
        Engine replayed = EngineAssembly.create(new ActiveRules(active));
        Replayer replayer = Replayer.of(replayed);
        ConservationPropertiesTest.Interpreter in = new ConservationPropertiesTest.Interpreter(live);
        in.setUp();
        new ConservationPropertiesTest.Interpreter(replayed).setUp();
        assertThat(StateHash.of(live)).isEqualTo(StateHash.of(replayed));
        int refusals = 0;
        for (Step s : steps) {
            Command c = s.refused() ? refusedInput(live, s.step()) : in.commandFor(s.step());
            if (c == null) {
                continue;
            }
            boolean journaled;
            try {
                journaled = live.apply(c).changed();
            } catch (InputRefused refused) {
                journaled = false;
                refusals++;
            }
            if (journaled) {
                assertThat(replayer.apply(ReplayEntry.of(0, c))).as("replaying %s", c).isInstanceOf(Replayer.Applied.class);
            }
            assertThat(StateHash.of(live)).as("live == replayed after %s", c).isEqualTo(StateHash.of(replayed));
            ConservationPropertiesTest.checkConservation(live.ledger(), live, c.toString());
        }
        Statistics.label("refused inputs").collect(refusals > 0);
    }

    /**
     * An input the engine must refuse, timed a day or more after the clock so that, were it not
     * atomic, it would run (and leave behind) the daily checks its time crosses.
     */
    private static Command refusedInput(Engine engine, ConservationPropertiesTest.Step s) {
        long clock = engine.ledger().clock();
        long later = clock + DAY * (1 + s.a() % 3) + s.b();
        List<Account> accounts = new ArrayList<>(engine.ledger().accounts());
        Account a = accounts.get(s.b() % accounts.size());
        return switch (s.kind() % 10) {
            case 0 -> new PriceTick(later, List.of(new PriceTick.SymbolPrice("NOPEUSDT", BigDecimal.ONE)));
            case 1 -> new StopFollowing("S999999", StopFollowing.Mode.MARKET_CLOSE, later);
            case 2 -> new Deposit("A999999", BigDecimal.TEN, "r" + s.c(), later);
            case 3 -> new AdvanceClock(clock + 32 * DAY);
            case 4 -> new AdvanceClock(1000);
            case 5 -> new ExpertFill("e1", "late" + s.c(), "BTCUSDT", FillAction.OPEN_LONG, new BigDecimal("0.01"),
                    new BigDecimal("50000"), 5, MarginMode.CROSS, FillStatus.FILLED,
                    engine.ledger().expert("e1").lastFillTime() == null ? 1000 : engine.ledger().expert("e1").lastFillTime() - 1,
                    null);
            case 6 -> new ClosePosition("S999999", "BTCUSDT", Side.LONG, later);
            case 7 -> new Follow("f0", "e1", FollowMode.SMART_RATIO, new BigDecimal("1000"), null, null, false, null, later,
                    false);
            case 8 -> new Withdraw("A999999", BigDecimal.ONE, "w" + s.c(), later);
            default -> new Follow("newcomer", "e2", FollowMode.SMART_RATIO, new BigDecimal("49"), null, null, false, null,
                    later, false);
        };
    }
}
