package com.copyguard.core.engine;

import static org.assertj.core.api.Assertions.assertThat;

import com.copyguard.core.command.ChangePositionMargin;
import com.copyguard.core.command.ClosePosition;
import com.copyguard.core.command.Command;
import com.copyguard.core.command.Deposit;
import com.copyguard.core.command.ExpertFill;
import com.copyguard.core.command.Follow;
import com.copyguard.core.command.PatchSettings;
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
import com.copyguard.durability.snapshot.StateHash;
import com.copyguard.core.ledger.Account;
import com.copyguard.core.ledger.Position;
import com.copyguard.core.ledger.Subscription;
import com.copyguard.core.refusal.InputRefused;
import com.copyguard.core.rules.ActiveRules;
import com.copyguard.core.rules.RuleCompilationException;
import com.copyguard.core.rules.RuleSet;
import com.copyguard.core.rules.RuleSetLoader;
import com.copyguard.json.Json;
import com.copyguard.json.input.SettingsParser;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The risk index never misses: the same seeded random walk of prices over a couple of thousand
 * positions with varied risk settings (stop loss and take profit ratios, isolated and cross margin,
 * shared pools holding both symbols, Net Value Guardians, trailing drawdown, loss limits with and
 * without closing), interleaved with the inputs that change what a trigger depends on (expert opens
 * and closes, deposits, withdrawals, settings changes, margin changes, manual closes, stops, a new
 * maintenance margin rate, day boundaries), is fed to three engines on rules/v3:
 * <ul>
 * <li>the full scan: every tick evaluates every holder (a sweep on every tick);</li>
 * <li>the index alone: never sweeps;</li>
 * <li>the index with its safety net: a full sweep every few ticks, which must find nothing;</li>
 * <li>rules/v2, which v3 extends only by trigger-price rules and so must decide exactly alike (its
 * replies name v2 where v3's name v3; nothing else may differ).</li>
 * </ul>
 * Every reply (risk actions: same positions, same reasons, same order; decisions; refusals) must be
 * identical, input by input, and so must the final state hash (equity peaks included). The test
 * also checks that the walk did fire stops, take profits, liquidations and guardians, and that the
 * index skipped most of the work, so that it cannot pass by doing nothing or by scanning everything.
 */
class RiskIndexEquivalenceTest {
    private static final long T0 = 1_700_000_000_000L;
    private static final String[] SYMBOLS = {"BTCUSDT", "ETHUSDT"};
    private static final int FOLLOWS = 1_200;
    private static final int STEPS = 200;
    private static RuleSet v3;
    private static RuleSet v2;

    @BeforeAll
    static void compile() throws RuleCompilationException {
        v3 = RuleSetLoader.loadFolder(Path.of("rules", "v3"));
        v2 = RuleSetLoader.loadFolder(Path.of("rules", "v2"));
    }

    /** More walks: {@code -Drisk.equivalence.seeds=1,2,3} (the default run takes one, a few seconds). */
    static java.util.stream.LongStream seeds() {
        return java.util.Arrays.stream(System.getProperty("risk.equivalence.seeds", "20261129").split(","))
                .mapToLong(x -> Long.parseLong(x.trim()));
    }

    @ParameterizedTest(name = "seed {0}")
    @MethodSource("seeds")
    void theIndexDecidesExactlyWhatTheFullScanDecides(long seed) {
        Engine fullScan = engine(1);
        Engine indexOnly = engine(Integer.MAX_VALUE);
        Engine withSweeps = engine(7);
        Engine predecessor = com.copyguard.core.screening.EngineAssembly.create(new ActiveRules(v2));
        Walk walk = new Walk(new Random(seed), fullScan);
        int inputs = 0;
        Map<String, Integer> actionsByReason = new TreeMap<>();
        for (Command c : walk.setUp()) {
            sameEverywhere(c, fullScan, indexOnly, withSweeps, predecessor, actionsByReason, inputs++);
        }
        long setUp = System.nanoTime();
        for (int step = 0; step < STEPS; step++) {
            for (Command c : walk.next()) {
                sameEverywhere(c, fullScan, indexOnly, withSweeps, predecessor, actionsByReason, inputs++);
            }
            if (step % 20 == 0) {
                // equal replies are not enough: a missed check can change state silently (an equity peak)
                String state = StateHash.of(fullScan);
                assertThat(StateHash.of(indexOnly)).as("state after step %d, index alone", step).isEqualTo(state);
                assertThat(StateHash.of(withSweeps)).as("state after step %d, index and sweeps", step).isEqualTo(state);
            }
        }

        System.out.printf("risk index walk, seed %d: %d inputs, %.1f s; actions %s; index %s%n", seed, inputs,
                (System.nanoTime() - setUp) / 1e9, actionsByReason, indexOnly.riskIndexStats());
        assertThat(StateHash.of(indexOnly)).as("state after the walk, index alone").isEqualTo(StateHash.of(fullScan));
        assertThat(StateHash.of(withSweeps)).as("state after the walk, index and sweeps").isEqualTo(StateHash.of(fullScan));
        assertThat(withSweeps.riskIndexMissed()).as("accounts the sweeps found the index missed").isZero();
        assertThat(actionsByReason).as("risk actions the walk caused, by reason")
                .containsKeys("STOP_LOSS", "TAKE_PROFIT", "LIQUIDATION");
        assertThat(actionsByReason.keySet()).as("guardian or loss-limit actions")
                .containsAnyOf("GUARDIAN_NET_LOSS", "GUARDIAN_DRAWDOWN", "GUARDIAN_NET_VALUE", "LOSS_LIMIT");
        RiskIndex.Stats stats = indexOnly.riskIndexStats();
        assertThat(stats.ticks()).isGreaterThanOrEqualTo(STEPS);
        assertThat(stats.evaluated()).as("accounts the index evaluated on ticks, of %d holder-ticks", stats.holders())
                .isLessThan(stats.holders() / 2);
    }

    private static Engine engine(int sweepEvery) {
        Engine e = com.copyguard.core.screening.EngineAssembly.create(new ActiveRules(v3));
        e.sweepRiskEvery(sweepEvery);
        return e;
    }

    private static void sameEverywhere(Command c, Engine fullScan, Engine indexOnly, Engine withSweeps,
                                       Engine predecessor, Map<String, Integer> actionsByReason, int n) {
        String expected = outcome(fullScan, c);
        assertThat(outcome(indexOnly, c)).as("input %d (%s), index alone", n, c).isEqualTo(expected);
        assertThat(outcome(withSweeps, c)).as("input %d (%s), index and sweeps", n, c).isEqualTo(expected);
        assertThat(outcome(predecessor, c).replace("\"ruleSet\":\"v2\"", "\"ruleSet\":\"v3\""))
                .as("input %d (%s), rules/v2", n, c).isEqualTo(expected);
        if (expected.contains("riskActions")) {
            JsonNode actions = parse(expected.substring(expected.indexOf(' ') + 1)).path("riskActions");
            for (JsonNode a : actions) {
                actionsByReason.merge(a.path("reason").asText(), 1, Integer::sum);
            }
        }
    }

    private static JsonNode parse(String s) {
        try {
            return Json.MAPPER.readTree(s);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static String outcome(Engine e, Command c) {
        try {
            Result r = e.apply(c);
            return com.copyguard.api.ResultStatus.of(r) + " " + com.copyguard.json.ApiJson.tree(r);
        } catch (InputRefused refused) {
            return "refused " + refused.getMessage();
        }
    }

    /** Generates the inputs; reads the full-scan engine (all three hold the same state) to aim them. */
    private static final class Walk {
        private final Random rnd;
        private final Engine reference;
        private final BigDecimal[] price = {new BigDecimal("60000"), new BigDecimal("3000")};
        private final String[] experts = {"long-btc", "short-btc", "long-eth", "both"};
        private long time = T0;
        private int fills;
        private int requests;

        Walk(Random rnd, Engine reference) {
            this.rnd = rnd;
            this.reference = reference;
        }

        List<Command> setUp() {
            List<Command> out = new ArrayList<>();
            out.add(new PutInstrument("BTCUSDT", d("0.001"), d("0.001"), 125, d("0.0006"), d("0.004"), null));
            out.add(new PutInstrument("ETHUSDT", d("0.01"), d("0.01"), 100, d("0.0006"), d("0.005"), null));
            for (String x : experts) {
                out.add(new PutExpert(x, d("0.1"), null, d("100000")));
            }
            out.add(tick());
            for (int i = 0; i < FOLLOWS; i++) {
                out.add(follow(i));
            }
            time += 1_000;
            out.add(open("long-btc", 0, FillAction.OPEN_LONG, "2"));
            out.add(open("short-btc", 0, FillAction.OPEN_SHORT, "2"));
            out.add(open("long-eth", 1, FillAction.OPEN_LONG, "30"));
            time += 3_500;
            out.add(open("both", 0, FillAction.OPEN_LONG, "1"));
            time += 3_500;
            out.add(open("both", 1, FillAction.OPEN_SHORT, "20"));
            return out;
        }

        /** One step: mostly a price tick, sometimes an input that changes some account's triggers. */
        List<Command> next() {
            time += 5 * 60_000 + rnd.nextInt(20 * 60_000);
            List<Command> out = new ArrayList<>();
            int roll = rnd.nextInt(100);
            if (roll < 6) {
                String x = experts[rnd.nextInt(experts.length)];
                int s = x.equals("long-eth") ? 1 : x.equals("both") ? rnd.nextInt(2) : 0;
                FillAction open = x.startsWith("short") || (x.equals("both") && s == 1) ? FillAction.OPEN_SHORT
                        : FillAction.OPEN_LONG;
                out.add(rnd.nextBoolean() ? open(x, s, open, s == 0 ? "0.5" : "10")
                        : close(x, s, open == FillAction.OPEN_LONG ? FillAction.CLOSE_LONG : FillAction.CLOSE_SHORT));
            } else if (roll < 10) {
                Account a = someAccount();
                if (a != null) {
                    out.add(rnd.nextBoolean() ? new Deposit(a.accountId(), d(String.valueOf(50 + rnd.nextInt(500))), "r" + ++requests, time)
                            : new Withdraw(a.accountId(), d(String.valueOf(10 + rnd.nextInt(300))), "r" + ++requests, time));
                }
            } else if (roll < 14) {
                Subscription s = someSubscription();
                if (s != null) {
                    out.add(new PatchSettings(s.subscriptionId(), SettingsParser.patch(riskSettings())));
                }
            } else if (roll < 16) {
                Position p = somePosition();
                if (p != null) {
                    out.add(new ChangePositionMargin(p.key().subscriptionId(), p.symbol(), p.side(),
                            d(String.valueOf(rnd.nextInt(3) == 0 ? -(1 + rnd.nextInt(5)) : 1 + rnd.nextInt(40))),
                            "r" + ++requests, time));
                }
            } else if (roll < 17) {
                Position p = somePosition();
                if (p != null) {
                    out.add(new ClosePosition(p.key().subscriptionId(), p.symbol(), p.side(), time));
                }
            } else if (roll < 18) {
                Subscription s = someSubscription();
                if (s != null) {
                    out.add(new StopFollowing(s.subscriptionId(), rnd.nextBoolean() ? StopFollowing.Mode.MARKET_CLOSE
                            : StopFollowing.Mode.FOLLOW_EXPERT_CLOSE, time));
                }
            } else if (roll < 19) {
                // a new maintenance margin rate moves every isolated liquidation price on the symbol
                out.add(new PutInstrument("BTCUSDT", d("0.001"), d("0.001"), 125, d("0.0006"),
                        d(rnd.nextBoolean() ? "0.004" : "0.02"), null));
            }
            out.add(tick());
            return out;
        }

        private PriceTick tick() {
            List<PriceTick.SymbolPrice> prices = new ArrayList<>();
            for (int s = 0; s < SYMBOLS.length; s++) {
                if (prices.isEmpty() || rnd.nextInt(3) == 0) {
                    int sym = prices.isEmpty() ? rnd.nextInt(SYMBOLS.length) : s;
                    if (!prices.isEmpty() && prices.get(0).symbol().equals(SYMBOLS[sym])) {
                        continue;
                    }
                    // mostly small steps, now and then a jump; a slow pull back towards the start
                    double step = rnd.nextGaussian() * 0.004 + (rnd.nextInt(25) == 0 ? (rnd.nextBoolean() ? 0.03 : -0.03) : 0);
                    double start = sym == 0 ? 60000 : 3000;
                    step += (start - price[sym].doubleValue()) / start * 0.05;
                    price[sym] = price[sym].multiply(BigDecimal.valueOf(1 + step)).setScale(sym == 0 ? 1 : 2, RoundingMode.HALF_EVEN);
                    prices.add(new PriceTick.SymbolPrice(SYMBOLS[sym], price[sym]));
                }
            }
            return new PriceTick(time, prices);
        }

        private Follow follow(int i) {
            // a third of the followers follow two experts: their FIXED_MARGIN and MULTIPLIER follows share one pool
            String follower = "f" + (i % (FOLLOWS * 2 / 3));
            String expert = experts[(i / (FOLLOWS * 2 / 3) + i) % experts.length];
            FollowMode mode = FollowMode.values()[rnd.nextInt(3)];
            return new Follow(follower, expert, mode, d(String.valueOf(200 + rnd.nextInt(4_800))),
                    mode == FollowMode.FIXED_MARGIN ? d(String.valueOf(20 + rnd.nextInt(180))) : null,
                    mode == FollowMode.MULTIPLIER ? d("0.0" + (1 + rnd.nextInt(9))) : null, false, SettingsParser.patch(riskSettings()), time, false);
        }

        private ObjectNode riskSettings() {
            ObjectNode s = Json.object();
            if (rnd.nextInt(10) < 7) {
                s.put("stopLossRatio", ratio(0.05, 0.9));
            }
            if (rnd.nextInt(10) < 6) {
                s.put("takeProfitRatio", ratio(0.05, 1.5));
            }
            s.put("marginMode", new String[] {"CROSS", "ISOLATED", "FOLLOW_EXPERT"}[rnd.nextInt(3)]);
            ObjectNode leverage = s.putObject("leverage");
            if (rnd.nextBoolean()) {
                leverage.put("mode", "FIXED").put("value", 2 + rnd.nextInt(60));
            } else {
                leverage.put("mode", "FOLLOW_EXPERT");
            }
            if (rnd.nextInt(10) < 4) {
                ObjectNode g = s.putObject("guardian");
                if (rnd.nextBoolean()) {
                    g.put("maxNetLoss", String.valueOf(20 + rnd.nextInt(400)));
                }
                if (rnd.nextInt(3) == 0) {
                    g.put("minNetValue", String.valueOf(100 + rnd.nextInt(1_000)));
                }
                if (rnd.nextBoolean()) {
                    g.put("maxDrawdownRatio", ratio(0.01, 0.3));
                }
            }
            if (rnd.nextInt(10) < 3) {
                ArrayNode limits = s.putArray("lossLimits");
                ObjectNode l = limits.addObject().put("period", rnd.nextBoolean() ? "DAY" : "WEEK");
                if (rnd.nextBoolean()) {
                    l.put("maxLoss", String.valueOf(10 + rnd.nextInt(300)));
                } else {
                    l.put("maxLossRatio", ratio(0.01, 0.2));
                }
                l.put("closePositions", rnd.nextBoolean());
            }
            return s;
        }

        private String ratio(double min, double max) {
            return BigDecimal.valueOf(min + rnd.nextDouble() * (max - min)).setScale(3, RoundingMode.HALF_EVEN).toPlainString();
        }

        private ExpertFill open(String expert, int symbol, FillAction action, String qty) {
            return new ExpertFill(expert, "F" + ++fills, SYMBOLS[symbol], action, d(qty), price[symbol], 20,
                    rnd.nextBoolean() ? MarginMode.CROSS : MarginMode.ISOLATED, FillStatus.FILLED, time, null);
        }

        private ExpertFill close(String expert, int symbol, FillAction action) {
            var position = reference.ledger().expert(expert).position(SYMBOLS[symbol], action.side());
            BigDecimal qty = position == null ? BigDecimal.ZERO : position.qty();
            if (qty.signum() == 0) {
                return open(expert, symbol, action == FillAction.CLOSE_LONG ? FillAction.OPEN_LONG : FillAction.OPEN_SHORT,
                        symbol == 0 ? "0.5" : "10");
            }
            BigDecimal part = qty.divide(BigDecimal.valueOf(2 + rnd.nextInt(3)), symbol == 0 ? 3 : 2, RoundingMode.DOWN);
            return new ExpertFill(expert, "F" + ++fills, SYMBOLS[symbol], action, part.signum() > 0 ? part : qty,
                    price[symbol], 20, MarginMode.CROSS, FillStatus.FILLED, time, null);
        }

        private Account someAccount() {
            List<Account> all = List.copyOf(reference.ledger().accounts());
            return all.isEmpty() ? null : all.get(rnd.nextInt(all.size()));
        }

        private Subscription someSubscription() {
            List<Subscription> all = List.copyOf(reference.ledger().subscriptions());
            return all.isEmpty() ? null : all.get(rnd.nextInt(all.size()));
        }

        private Position somePosition() {
            Account a = someAccount();
            for (int tries = 0; tries < 20 && (a == null || a.positions().isEmpty()); tries++) {
                a = someAccount();
            }
            if (a == null || a.positions().isEmpty()) {
                return null;
            }
            List<Position> ps = List.copyOf(a.positions());
            return ps.get(rnd.nextInt(ps.size()));
        }
    }

    private static BigDecimal d(String s) {
        return new BigDecimal(s);
    }
}
