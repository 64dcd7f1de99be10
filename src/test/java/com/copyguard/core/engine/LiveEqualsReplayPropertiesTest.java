package com.copyguard.core.engine;

import static org.assertj.core.api.Assertions.assertThat;

import com.copyguard.core.command.AdvanceClock;
import com.copyguard.durability.replay.ReplayEntry;
import com.copyguard.durability.replay.Replayer;
import com.copyguard.core.refusal.InputRefused;
import com.copyguard.core.command.ClosePosition;
import com.copyguard.core.command.Command;
import com.copyguard.core.command.Deposit;
import com.copyguard.core.command.ExpertFill;
import com.copyguard.core.command.Follow;
import com.copyguard.core.command.PriceTick;
import com.copyguard.core.command.StopFollowing;
import com.copyguard.core.command.Withdraw;
import com.copyguard.core.model.FillAction;
import com.copyguard.core.model.FillStatus;
import com.copyguard.core.model.FollowMode;
import com.copyguard.core.model.MarginMode;
import com.copyguard.core.model.Side;
import com.copyguard.durability.snapshot.StateHash;
import com.copyguard.core.ledger.Account;
import com.copyguard.core.rules.ActiveRules;
import com.copyguard.core.rules.RuleCompilationException;
import com.copyguard.core.rules.RuleSet;
import com.copyguard.core.rules.RuleSetLoader;
import com.copyguard.core.screening.EngineAssembly;
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
