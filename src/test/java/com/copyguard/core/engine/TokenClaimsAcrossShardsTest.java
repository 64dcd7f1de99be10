package com.copyguard.core.engine;

import static org.assertj.core.api.Assertions.assertThat;

import com.copyguard.core.command.Command;
import com.copyguard.core.command.ExpertFill;
import com.copyguard.core.command.Follow;
import com.copyguard.core.command.PriceTick;
import com.copyguard.core.command.PutExpert;
import com.copyguard.core.command.PutInstrument;
import com.copyguard.core.model.FillAction;
import com.copyguard.core.model.FillStatus;
import com.copyguard.core.model.FollowMode;
import com.copyguard.core.model.MarginMode;
import com.copyguard.core.model.Outcome;
import com.copyguard.core.model.ReasonCode;
import com.copyguard.core.rules.ActiveRules;
import com.copyguard.core.rules.RuleSet;
import com.copyguard.core.rules.RuleSetLoader;
import com.copyguard.core.screening.EngineAssembly;
import com.copyguard.json.Json;
import com.copyguard.json.input.SettingsParser;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The token budget decided from claims (rules/v4) gives one engine's decisions when the followers
 * are spread over several engines, each given the others' {@link TokenShare}s, as a cluster's
 * shards are: the same copies taken, refused and explained, fill after fill, while prices move the
 * notional already held and closes free budget. Followers start in groups at the same time, so
 * the follower-id tie-break is exercised too.
 */
final class TokenClaimsAcrossShardsTest {
    private static final long T0 = 1_767_225_600_000L;
    private static final int SHARDS = 3;
    private static RuleSet v4;

    @BeforeAll
    static void compile() throws Exception {
        v4 = RuleSetLoader.loadFolder(Path.of("rules/v4"));
        assertThat(v4.decidesTokenClaims()).isTrue();
    }

    @ParameterizedTest
    @ValueSource(longs = {1, 2, 3, 4, 5})
    void shardsGivenEachOthersSharesDecideAsOneEngine(long seed) throws Exception {
        Random random = new Random(seed);
        Engine one = engine();
        List<Engine> shards = new ArrayList<>();
        for (int i = 0; i < SHARDS; i++) {
            shards.add(engine());
        }
        List<Command> market = List.of(
                new PutInstrument("TUSDT", d("1"), d("1"), 125, d("0.0006"), d("0.005"), d("6000")),
                new PutExpert("x0", d("0.1"), null, d("100000")),
                tick(T0, "100"));
        for (Command c : market) {
            applyEverywhere(c, one, shards);
        }
        for (int i = 0; i < 40; i++) {
            String follower = "f" + (char) ('a' + random.nextInt(26)) + i;
            Follow f = follow(follower, "0." + (1 + random.nextInt(9)), T0 + 1_000 + 1_000L * (i / 5));
            one.apply(f);
            shards.get(Math.floorMod(follower.hashCode(), SHARDS)).apply(f);
        }
        long time = T0 + 60_000;
        BigDecimal expertQty = BigDecimal.ZERO;
        long refused = 0;
        for (int step = 0; step < 12; step++) {
            time += 10_000;
            Command c;
            if (step % 3 == 2 && expertQty.signum() > 0) {
                BigDecimal close = expertQty.min(BigDecimal.valueOf(1 + random.nextInt(5)));
                expertQty = expertQty.subtract(close);
                c = fill("close-" + step, FillAction.CLOSE_LONG, close, time);
            } else if (step % 3 == 1) {
                c = tick(time, String.valueOf(90 + random.nextInt(25)));
            } else {
                BigDecimal qty = BigDecimal.valueOf(2 + random.nextInt(10));
                expertQty = expertQty.add(qty);
                c = fill("open-" + step, FillAction.OPEN_LONG, qty, time);
            }
            one.apply(c);
            applyAsShards(c, shards);
            if (c instanceof ExpertFill f) {
                Map<String, String> single = decisions(one, f.fillId());
                Map<String, String> split = new TreeMap<>();
                shards.forEach(s -> split.putAll(decisions(s, f.fillId())));
                assertThat(split).as("fill %s, seed %d", f.fillId(), seed).isEqualTo(single);
                refused += single.values().stream().filter(v -> v.contains(ReasonCode.TOKEN_LIMIT.name())).count();
            }
        }
        assertThat(refused).as("the budget was reached, so the order mattered").isPositive();
    }

    /** A market-wide input on every shard; an opening fill with each shard given the others' shares. */
    private static void applyAsShards(Command c, List<Engine> shards) {
        if (!(c instanceof ExpertFill f) || !f.action().isOpening()) {
            shards.forEach(s -> s.apply(c));
            return;
        }
        List<TokenShare> shares = new ArrayList<>();
        shards.forEach(s -> shares.add(s.tokenShare(f)));
        assertThat(shares.stream().mapToInt(s -> s.claims().size()).sum()).isPositive();
        for (int i = 0; i < shards.size(); i++) {
            List<TokenShare> others = new ArrayList<>(shares);
            others.remove(i);
            Engine shard = shards.get(i);
            shard.otherShards(new FillTokenShares(f.expertId(), f.symbol(), others));
            try {
                shard.apply(f);
            } finally {
                shard.otherShards(OtherShards.NONE);
            }
        }
    }

    private static void applyEverywhere(Command c, Engine one, List<Engine> shards) {
        one.apply(c);
        shards.forEach(s -> s.apply(c));
    }

    /** Each follower's decision on the fill: outcome, reason, quantity, margin, rules fired and explanation. */
    private static Map<String, String> decisions(Engine e, String fillId) {
        Map<String, String> out = new TreeMap<>();
        for (DecisionRecord d : e.decisions().query(fillId, null, 1_000)) {
            String follower = e.ledger().subscription(d.subscriptionId()).followerId();
            out.put(follower, d.outcome() + " " + d.reason() + " " + d.qty() + " " + d.margin() + " " + d.rulesFired()
                    + " " + d.explanation());
        }
        assertThat(out.values()).allMatch(v -> !v.startsWith(Outcome.PENDING.name()));
        return out;
    }

    private static Engine engine() {
        return EngineAssembly.create(new ActiveRules(v4));
    }

    private static Follow follow(String follower, String multiplier, long time) throws Exception {
        var s = Json.object();
        s.putObject("leverage").put("mode", "FIXED").put("value", 10);
        return new Follow(follower, "x0", FollowMode.MULTIPLIER, d("5000"), null, d(multiplier), false,
                SettingsParser.patch(s), time, false);
    }

    private static ExpertFill fill(String id, FillAction action, BigDecimal qty, long time) {
        return new ExpertFill("x0", id, "TUSDT", action, qty, d("100"), 10, MarginMode.CROSS, FillStatus.FILLED, time, null);
    }

    private static PriceTick tick(long time, String price) {
        return new PriceTick(time, List.of(new PriceTick.SymbolPrice("TUSDT", d(price))));
    }

    private static BigDecimal d(String s) {
        return new BigDecimal(s);
    }
}
