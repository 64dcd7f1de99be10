package com.copyguard.durability;

import com.copyguard.json.input.InstrumentCatalog;
import com.copyguard.core.command.AdvanceClock;
import com.copyguard.core.command.Command;
import com.copyguard.core.command.Deposit;
import com.copyguard.core.command.ExpertFill;
import com.copyguard.core.command.Follow;
import com.copyguard.core.command.PatchSettings;
import com.copyguard.core.command.PriceTick;
import com.copyguard.core.command.PutExpert;
import com.copyguard.core.model.FillAction;
import com.copyguard.core.model.FillStatus;
import com.copyguard.core.model.FollowMode;
import com.copyguard.core.model.MarginMode;
import com.copyguard.core.engine.Engine;
import com.copyguard.json.Json;
import com.copyguard.json.input.CommandParser;
import com.copyguard.core.ledger.Account;
import com.copyguard.core.ledger.ExpertPosition;
import com.copyguard.core.ledger.Subscription;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * A seeded stream of valid commands over a few experts and followers: expert opens and closes,
 * price ticks, deposits, new follows, settings changes and clock ticks. It reads the engine only to
 * pick existing accounts and positions, so the same seed over the same engine gives the same stream.
 */
public final class CommandMix {
    private static final String[] SYMBOLS = {"BTCUSDT", "ETHUSDT", "SOLUSDT", "XRPUSDT"};
    private static final String[] BASE = {"60000", "3000", "150", "0.6"};
    private static final String[] MAX_OPEN = {"0.5", "5", "50", "5000"};

    /** Percent weights of fills, prices, deposits, follows, settings patches; the rest are clock ticks. */
    public record Weights(int fills, int prices, int deposits, int follows, int patches) {
        public static final Weights BALANCED = new Weights(45, 25, 18, 5, 4);
        public static final Weights PRICE_HEAVY = new Weights(25, 50, 18, 2, 2);
    }

    private final Random random;
    private final Engine engine;
    private final int experts;
    private final int maxSubscriptions;
    private final Weights weights;
    private final BigDecimal[] marks = new BigDecimal[SYMBOLS.length];
    private long time = 1_700_000_000_000L;
    private long counter;

    public CommandMix(long seed, Engine engine, int experts, int maxSubscriptions, Weights weights) {
        this.random = new Random(seed);
        this.engine = engine;
        this.experts = experts;
        this.maxSubscriptions = maxSubscriptions;
        this.weights = weights;
        for (int i = 0; i < SYMBOLS.length; i++) {
            marks[i] = new BigDecimal(BASE[i]);
        }
    }

    /** Instruments, experts and {@code followersPerExpert} follows each (modes rotating). */
    public List<Command> setup(int followersPerExpert) {
        List<Command> out = new ArrayList<>();
        try {
            out.addAll(InstrumentCatalog.load(null));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        for (int e = 0; e < experts; e++) {
            out.add(new PutExpert("E" + e, null, null, new BigDecimal("10000")));
        }
        for (int e = 0; e < experts; e++) {
            for (int k = 0; k < followersPerExpert; k++) {
                out.add(follow("F" + e + "-" + k, "E" + e, k));
            }
        }
        return out;
    }

    public Command next() {
        counter++;
        time += 1000 + random.nextInt(4000);
        int r = random.nextInt(100);
        if (r < weights.fills()) {
            return fill();
        }
        r -= weights.fills();
        if (r < weights.prices()) {
            return prices();
        }
        r -= weights.prices();
        if (r < weights.deposits()) {
            return deposit();
        }
        r -= weights.deposits();
        if (r < weights.follows() && engine.ledger().subscriptions().size() < maxSubscriptions) {
            return follow("N" + counter, "E" + random.nextInt(experts), random.nextInt(3));
        }
        r -= weights.follows();
        if (r < weights.patches() && !engine.ledger().subscriptions().isEmpty()) {
            return patch();
        }
        return new AdvanceClock(time);
    }

    private Follow follow(String follower, String expert, int mode) {
        FollowMode m = FollowMode.values()[mode % 3];
        BigDecimal amount = BigDecimal.valueOf(500 + random.nextInt(4500));
        return new Follow(follower, expert, m, amount, m == FollowMode.FIXED_MARGIN ? new BigDecimal("50") : null,
                m == FollowMode.MULTIPLIER ? new BigDecimal("0.5") : null, false, null, time, false);
    }

    private Command fill() {
        String expert = "E" + random.nextInt(experts);
        int s = random.nextInt(SYMBOLS.length);
        boolean longSide = random.nextBoolean();
        FillAction open = longSide ? FillAction.OPEN_LONG : FillAction.OPEN_SHORT;
        ExpertPosition held = engine.ledger().expert(expert).position(SYMBOLS[s], open.side());
        String fillId = "x" + counter;
        BigDecimal price = marks[s].multiply(BigDecimal.valueOf(10000 + random.nextInt(11) - 5))
                .divide(BigDecimal.valueOf(10000), 6, RoundingMode.HALF_EVEN).stripTrailingZeros();
        if (held != null && held.qty().signum() > 0 && random.nextInt(100) < 45) {
            BigDecimal qty = random.nextInt(100) < 30 ? held.qty()
                    : held.qty().multiply(BigDecimal.valueOf(20 + random.nextInt(80)))
                    .divide(BigDecimal.valueOf(100), 4, RoundingMode.DOWN);
            if (qty.signum() <= 0) {
                qty = held.qty();
            }
            FillAction close = longSide ? FillAction.CLOSE_LONG : FillAction.CLOSE_SHORT;
            return new ExpertFill(expert, fillId, SYMBOLS[s], close, qty.stripTrailingZeros(), price, held.leverage(),
                    MarginMode.CROSS, FillStatus.FILLED, time, null);
        }
        BigDecimal qty = new BigDecimal(MAX_OPEN[s]).multiply(BigDecimal.valueOf(1 + random.nextInt(100)))
                .divide(BigDecimal.valueOf(100), 4, RoundingMode.DOWN).stripTrailingZeros();
        FillStatus status = random.nextInt(100) < 5 ? FillStatus.PARTIALLY_FILLED_CANCELED : FillStatus.FILLED;
        return new ExpertFill(expert, fillId, SYMBOLS[s], open, qty, price, 5 + random.nextInt(16),
                random.nextBoolean() ? MarginMode.CROSS : MarginMode.ISOLATED, status, time, null);
    }

    private Command prices() {
        List<PriceTick.SymbolPrice> list = new ArrayList<>();
        int first = random.nextInt(SYMBOLS.length);
        int count = 1 + random.nextInt(2);
        for (int i = 0; i < count; i++) {
            int s = (first + i) % SYMBOLS.length;
            marks[s] = marks[s].multiply(BigDecimal.valueOf(10000 + random.nextInt(101) - 50))
                    .divide(BigDecimal.valueOf(10000), 6, RoundingMode.HALF_EVEN).stripTrailingZeros();
            list.add(new PriceTick.SymbolPrice(SYMBOLS[s], marks[s]));
        }
        return new PriceTick(time, List.copyOf(list));
    }

    private Command deposit() {
        List<Account> accounts = new ArrayList<>(engine.ledger().accounts());
        if (accounts.isEmpty()) {
            return new AdvanceClock(time);
        }
        Account a = accounts.get(random.nextInt(accounts.size()));
        return new Deposit(a.accountId(), BigDecimal.valueOf(10 + random.nextInt(490)), "d" + counter, time);
    }

    private Command patch() {
        List<Subscription> subs = new ArrayList<>(engine.ledger().subscriptions());
        Subscription s = subs.get(random.nextInt(subs.size()));
        var body = Json.object();
        body.put("maxSlippage", "0.0" + (1 + random.nextInt(2)));
        body.put("maxPositionValue", String.valueOf(100000 + counter));
        return CommandParser.patchSettings(s.subscriptionId(), body);
    }
}
