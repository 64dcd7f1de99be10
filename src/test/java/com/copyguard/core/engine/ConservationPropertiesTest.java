package com.copyguard.core.engine;

import static org.assertj.core.api.Assertions.assertThat;

import com.copyguard.core.command.AdvanceClock;
import com.copyguard.json.input.SettingsParser;
import com.copyguard.core.refusal.InputRefused;
import com.copyguard.core.command.ChangePositionMargin;
import com.copyguard.core.command.ClosePosition;
import com.copyguard.core.command.ExpertMarginChange;
import com.copyguard.core.command.PauseSubscription;
import com.copyguard.core.command.ResumeSubscription;
import com.copyguard.core.command.Command;
import com.copyguard.core.command.Deposit;
import com.copyguard.core.command.ExpertFill;
import com.copyguard.core.command.Follow;
import com.copyguard.core.command.PriceTick;
import com.copyguard.core.command.PutExpert;
import com.copyguard.core.command.PutInstrument;
import com.copyguard.core.command.StopFollowing;
import com.copyguard.core.command.Withdraw;
import com.copyguard.core.model.FillAction;
import com.copyguard.core.model.FillStatus;
import com.copyguard.core.model.FollowMode;
import com.copyguard.core.model.MarginMode;
import com.copyguard.core.model.Side;
import com.copyguard.core.model.TransactionType;
import com.copyguard.json.Json;
import com.copyguard.core.ledger.Account;
import com.copyguard.core.ledger.Expert;
import com.copyguard.core.ledger.ExpertPosition;
import com.copyguard.core.ledger.Ledger;
import com.copyguard.core.ledger.Position;
import com.copyguard.core.ledger.Subscription;
import com.copyguard.core.ledger.Transaction;
import com.copyguard.core.rules.ActiveRules;
import com.copyguard.core.rules.RuleCompilationException;
import com.copyguard.core.rules.RuleSet;
import com.copyguard.core.rules.RuleSetLoader;
import com.copyguard.core.screening.EngineAssembly;
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
import net.jqwik.api.statistics.Statistics;
import net.jqwik.api.lifecycle.BeforeContainer;

/**
 * Random valid command sequences (deposits, fills, prices, withdrawals, clock, stops, closes,
 * pauses and resumes with catch-up, follower and expert margin changes) through the real engine and
 * the active rule set (loss limits, trailing drawdown and guardian in the subscriptions' settings); after
 * every step every account must conserve money: deposits − withdrawals − transfers out + realized PnL −
 * fees − profit share − loan interest + insurance cover = balance, the freeze records add up to frozen,
 * and neither frozen, available nor pending is negative.
 */
class ConservationPropertiesTest {
    private static final String[] SYMBOLS = {"BTCUSDT", "ETHUSDT"};
    private static final String[] EXPERTS = {"e1", "e2"};
    private static RuleSet active;

    @BeforeContainer
    static void compile() throws RuleCompilationException {
        active = RuleSetLoader.loadFolder(Path.of("rules", com.copyguard.testing.TestRuleVersions.activeVersion()));
    }

    /** One abstract step; the interpreter turns it into a valid command against the current state. */
    record Step(int kind, int a, int b, int c) {
    }

    @Provide
    Arbitrary<List<Step>> sequences() {
        Arbitrary<Step> step = Combinators.combine(Arbitraries.integers().between(0, 99), Arbitraries.integers().between(0, 999),
                Arbitraries.integers().between(0, 999), Arbitraries.integers().between(0, 999)).as(Step::new);
        return step.list().ofMinSize(10).ofMaxSize(40);
    }

    @Property(tries = 400)
    void moneyIsConservedAfterEveryStep(@ForAll("sequences") List<Step> steps) {
        Engine engine = EngineAssembly.create(new ActiveRules(active));
        Interpreter in = new Interpreter(engine);
        in.setUp();
        checkConservation(engine.ledger(), engine, "set-up");
        for (Step s : steps) {
            Command c = in.commandFor(s);
            if (c == null) {
                continue;
            }
            try {
                // the rules never fail: a failing rule refuses the input (RuleFailure, not caught here)
                engine.apply(c);
            } catch (InputRefused refused) {
                // a refused input must leave money consistent just the same
            }
            checkConservation(engine.ledger(), engine, c.toString());
        }
        collectCoverage(engine);
    }

    /** Reports how many runs exercised each money path, so a weak generator shows up in the output. */
    private static void collectCoverage(Engine engine) {
        java.util.Set<TransactionType> seen = java.util.EnumSet.noneOf(TransactionType.class);
        for (Account a : engine.ledger().accounts()) {
            a.transactions().forEach(t -> seen.add(t.type()));
        }
        for (TransactionType t : new TransactionType[] {TransactionType.FREEZE_DEDUCTION, TransactionType.PROFIT_SHARE,
                TransactionType.LOAN_INTEREST, TransactionType.LIQUIDATION, TransactionType.INSURANCE_COVER,
                TransactionType.TRANSFER_OUT, TransactionType.MARGIN_ADDED, TransactionType.MARGIN_REMOVED}) {
            Statistics.label(t.name()).collect(seen.contains(t));
        }
        Statistics.label("risk actions").collect(!engine.riskLog().query(null, 1).isEmpty());
        java.util.Set<String> reasons = new java.util.HashSet<>();
        engine.riskLog().query(null, Integer.MAX_VALUE).forEach(r -> reasons.add(String.valueOf(r.reason())));
        engine.decisions().query(null, null, Integer.MAX_VALUE).forEach(d -> reasons.add(String.valueOf(d.reason())));
        for (String r : new String[] {"PAUSED", "LOSS_LIMIT", "GUARDIAN_DRAWDOWN"}) {
            Statistics.label(r).collect(reasons.contains(r));
        }
    }

    static void checkConservation(Ledger ledger, Engine engine, String after) {
        for (Account a : ledger.accounts()) {
            BigDecimal moved = BigDecimal.ZERO;
            BigDecimal reserved = BigDecimal.ZERO;
            for (Transaction t : a.transactions()) {
                if (t.type() == TransactionType.FREEZE_DEDUCTION || t.type() == TransactionType.FREEZE_REFUND) {
                    reserved = reserved.subtract(t.amount());
                } else if (t.type().movesBalance()) {
                    moved = moved.add(t.amount());
                }
            }
            assertThat(moved).as("balance of %s after %s", a.accountId(), after).isEqualByComparingTo(a.balance());
            assertThat(reserved).as("frozen of %s after %s", a.accountId(), after).isEqualByComparingTo(a.frozen());
            assertThat(a.frozen().signum()).as("frozen ≥ 0 after %s", after).isGreaterThanOrEqualTo(0);
            assertThat(ledger.valuation().available(a).signum()).as("available ≥ 0 after %s", after).isGreaterThanOrEqualTo(0);
            assertThat(engine.profitShare().pending(a).signum()).as("pending ≥ 0 after %s", after).isGreaterThanOrEqualTo(0);
            for (Position p : a.positions()) {
                assertThat(p.qty().signum()).as("open positions have quantity after %s", after).isPositive();
                assertThat(p.margin().signum()).as("margin ≥ 0 after %s", after).isGreaterThanOrEqualTo(0);
            }
        }
    }

    /** Turns abstract steps into commands that are valid for the engine's current state. */
    static final class Interpreter {
        private final Engine engine;
        private long time = com.copyguard.testing.EventTimes.T0 + 1000;
        private int ids;

        Interpreter(Engine engine) {
            this.engine = engine;
        }

        void setUp() {
            engine.apply(new PutInstrument("BTCUSDT", d("0.001"), d("0.001"), 125, d("0.0006"), d("0.004"), null));
            engine.apply(new PutInstrument("ETHUSDT", d("0.01"), d("0.01"), 100, d("0.0006"), d("0.005"), d("50000")));
            for (String e : EXPERTS) {
                engine.apply(new PutExpert(e, d("0.1"), null, d("10000")));
            }
            String[] modes = {"SMART_RATIO", "FIXED_MARGIN", "MULTIPLIER"};
            for (int f = 0; f < 4; f++) {
                for (int e = 0; e < EXPERTS.length; e++) {
                    FollowMode mode = FollowMode.valueOf(modes[(f + e) % 3]);
                    String settings = f % 2 == 0 ? "{\"stopLossRatio\":\"0.5\",\"guardian\":{\"maxNetLoss\":\"400\","
                            + "\"maxDrawdownRatio\":\"0.3\"},\"lossLimits\":[{\"period\":\"DAY\",\"maxLossRatio\":\"0.05\","
                            + "\"closePositions\":true}]}"
                            : "{\"maxMarginPerOrderRatio\":\"0.2\",\"marginMode\":\"ISOLATED\","
                            + "\"lossLimits\":[{\"period\":\"WEEK\",\"maxLoss\":\"150\"}]}";
                    engine.apply(new Follow("f" + f, EXPERTS[e], mode, d("1000"), mode == FollowMode.FIXED_MARGIN ? d("50") : null,
                            mode == FollowMode.MULTIPLIER ? d("0.1") : null, false, SettingsParser.patch(json(settings)), time, false));
                }
            }
        }

        Command commandFor(Step s) {
            time += 500 + s.c() * 20L;
            String symbol = SYMBOLS[s.a() % SYMBOLS.length];
            String expertId = EXPERTS[s.b() % EXPERTS.length];
            int kind = s.kind();
            if (kind < 28) {
                return open(expertId, symbol, s);
            } else if (kind < 43) {
                return close(expertId, s);
            } else if (kind < 58) {
                return new PriceTick(time, List.of(new PriceTick.SymbolPrice(symbol, priceFor(symbol, s.b()))));
            } else if (kind < 64) {
                return new Deposit(account(s.a()), d(String.valueOf(1 + s.b())), "d" + ids++, time);
            } else if (kind < 78) {
                return withdraw(s);
            } else if (kind < 84) {
                time += 20_000_000L;
                return new AdvanceClock(time);
            } else if (kind < 86) {
                return stop(s);
            } else if (kind < 89) {
                return manualClose(s);
            } else if (kind < 91) {
                return new PauseSubscription(subscription(s.a()), time);
            } else if (kind < 93) {
                return new ResumeSubscription(subscription(s.a()), s.b() % 2 == 0, time);
            } else if (kind < 97) {
                return positionMargin(s);
            } else {
                return expertMargin(expertId, s);
            }
        }

        private Command open(String expertId, String symbol, Step s) {
            Side side = s.c() % 3 == 0 ? Side.SHORT : Side.LONG;
            BigDecimal qty = symbol.equals("BTCUSDT") ? d("0.01").multiply(BigDecimal.valueOf(1 + s.b() % 50))
                    : d("0.1").multiply(BigDecimal.valueOf(1 + s.b() % 50));
            return new ExpertFill(expertId, "x" + ids++, symbol, side == Side.LONG ? FillAction.OPEN_LONG : FillAction.OPEN_SHORT,
                    qty, priceFor(symbol, s.a()), 1 + s.c() % 10, s.a() % 2 == 0 ? MarginMode.CROSS : MarginMode.ISOLATED,
                    s.c() % 10 == 0 ? FillStatus.PARTIALLY_FILLED_CANCELED : FillStatus.FILLED, time, null);
        }

        private Command close(String expertId, Step s) {
            Expert e = engine.ledger().expert(expertId);
            List<ExpertPosition> open = new ArrayList<>(e.positions());
            if (open.isEmpty()) {
                return null;
            }
            ExpertPosition p = open.get(s.a() % open.size());
            BigDecimal qty = s.b() % 2 == 0 ? p.qty() : p.qty().divide(BigDecimal.valueOf(2 + s.c() % 3), 8, java.math.RoundingMode.DOWN);
            if (qty.signum() <= 0) {
                qty = p.qty();
            }
            // half the closes take a 1-5 % profit for the expert (and so for its followers)
            BigDecimal gain = BigDecimal.valueOf(1 + s.c() % 5, 2);
            BigDecimal price = s.c() % 2 == 0 ? priceFor(p.symbol(), s.c())
                    : p.entryPrice().multiply(p.side() == Side.LONG ? BigDecimal.ONE.add(gain) : BigDecimal.ONE.subtract(gain));
            return new ExpertFill(expertId, "x" + ids++, p.symbol(), p.side() == Side.LONG ? FillAction.CLOSE_LONG : FillAction.CLOSE_SHORT,
                    qty, price, p.leverage(), p.marginMode(), FillStatus.FILLED, time, null);
        }

        /** Half the withdrawals take 70-120 % of equity: that is what freezes profit share and borrows. */
        private Command withdraw(Step s) {
            String id = account(s.a());
            Account a = engine.ledger().account(id);
            BigDecimal equity = engine.ledger().valuation().equity(a);
            BigDecimal amount = d(String.valueOf(1 + s.b() * 2));
            if (s.b() % 2 == 0 && equity.signum() > 0) {
                amount = equity.multiply(BigDecimal.valueOf(70 + s.c() % 51, 2)).setScale(2, java.math.RoundingMode.DOWN);
            }
            return new Withdraw(id, amount.signum() > 0 ? amount : d("1"), "w" + ids++, time);
        }

        private Command stop(Step s) {
            List<Subscription> subs = new ArrayList<>(engine.ledger().subscriptions());
            Subscription sub = subs.get(s.a() % subs.size());
            return new StopFollowing(sub.subscriptionId(), s.b() % 2 == 0 ? StopFollowing.Mode.MARKET_CLOSE
                    : StopFollowing.Mode.FOLLOW_EXPERT_CLOSE, time);
        }

        private Command manualClose(Step s) {
            for (Account a : engine.ledger().accounts()) {
                for (Position p : a.positions()) {
                    if ((s.a() + a.accountId().hashCode()) % 3 == 0) {
                        return new ClosePosition(p.key().subscriptionId(), p.symbol(), p.side(), time);
                    }
                }
            }
            return null;
        }

        private String subscription(int n) {
            List<Subscription> subs = new ArrayList<>(engine.ledger().subscriptions());
            return subs.get(n % subs.size()).subscriptionId();
        }

        /** A follower adds 1-50 or removes 1-20 USDT of margin on some position (refused when not allowed). */
        private Command positionMargin(Step s) {
            List<Position> open = new ArrayList<>();
            engine.ledger().accounts().forEach(a -> open.addAll(a.positions()));
            if (open.isEmpty()) {
                return null;
            }
            Position p = open.get(s.a() % open.size());
            BigDecimal amount = s.b() % 2 == 0 ? BigDecimal.valueOf(1 + s.c() % 50) : BigDecimal.valueOf(-(1 + s.c() % 20));
            return new ChangePositionMargin(p.key().subscriptionId(), p.symbol(), p.side(), amount, "m" + time + "/" + amount, time);
        }

        /** The expert adds 1-300 or removes 1-30 USDT of margin on one of its positions; copies follow in proportion. */
        private Command expertMargin(String expertId, Step s) {
            List<ExpertPosition> open = new ArrayList<>(engine.ledger().expert(expertId).positions());
            if (open.isEmpty()) {
                return null;
            }
            ExpertPosition p = open.get(s.a() % open.size());
            BigDecimal amount = s.b() % 3 == 0 ? BigDecimal.valueOf(-(1 + s.c() % 30)) : BigDecimal.valueOf(1 + s.c() % 300);
            return new ExpertMarginChange(expertId, p.symbol(), p.side(), amount, "m" + time + "/" + amount, time);
        }

        private String account(int n) {
            List<Account> all = new ArrayList<>(engine.ledger().accounts());
            return all.get(n % all.size()).accountId();
        }

        /**
         * Prices mostly wander ±5 % around a base, so profits survive to be shared, frozen and
         * borrowed against; one in ten is a ±30 % shock for stops, guardians and liquidations, and one
         * in ten a 10-30 % rally that lets followers withdraw unrealized profit and borrow.
         */
        private static BigDecimal priceFor(String symbol, int n) {
            BigDecimal base = symbol.equals("BTCUSDT") ? d("50000") : d("3000");
            BigDecimal factor = n % 10 == 0 ? d("0.7").add(BigDecimal.valueOf(n % 600, 3))
                    : n % 10 == 5 ? d("1.1").add(BigDecimal.valueOf(n % 200, 3))
                    : d("0.95").add(BigDecimal.valueOf(n % 100, 3));
            return base.multiply(factor);
        }

        private static com.fasterxml.jackson.databind.JsonNode json(String text) {
            try {
                return Json.MAPPER.readTree(text);
            } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
                throw new IllegalArgumentException(e);
            }
        }
    }

    static BigDecimal d(String s) {
        return new BigDecimal(s);
    }
}
