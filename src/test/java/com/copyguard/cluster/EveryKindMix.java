package com.copyguard.cluster;

import com.copyguard.core.command.ActivateRules;
import com.copyguard.core.command.ChangePositionMargin;
import com.copyguard.core.command.ClosePosition;
import com.copyguard.core.command.Command;
import com.copyguard.core.command.ExpertEquityReport;
import com.copyguard.core.command.ExpertMarginChange;
import com.copyguard.core.command.Follow;
import com.copyguard.core.model.FollowMode;
import com.copyguard.core.command.PauseSubscription;
import com.copyguard.core.command.PutExpert;
import com.copyguard.core.command.PutInstrument;
import com.copyguard.core.command.ResumeSubscription;
import com.copyguard.core.command.StopFollowing;
import com.copyguard.core.command.Withdraw;
import com.copyguard.core.model.SubscriptionStatus;
import com.copyguard.durability.CommandMix;
import com.copyguard.durability.Engines;
import com.copyguard.core.engine.Engine;
import com.copyguard.core.ledger.Account;
import com.copyguard.core.ledger.ExpertPosition;
import com.copyguard.core.ledger.Position;
import com.copyguard.core.ledger.Subscription;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * {@link CommandMix} (fills, prices, deposits, follows, settings, clock) with every other kind of
 * input mixed in: withdrawals, stops in both modes, position closes, pauses and resumes, position
 * and expert margin changes, expert equity reports, expert changes and a rule set re-activation.
 * Expert E0 is full after the setup and newcomers keep asking to follow it, and experts' capacities
 * change now and then (set near their follower count, or removed), so follows meet EXPERT_FULL
 * and stops free seats. ETHUSDT and XRPUSDT carry token limits that bind now and then (and change),
 * so TOKEN_LIMIT is decided over followers on many shards; some follows copy the expert's positions
 * (their budgets count every shard's followers) and some refuse AVOID experts.
 * It reads the reference engine only to pick ids, so a seed over the same engine gives the same stream.
 */
final class EveryKindMix {
    private final CommandMix base;
    private final Engine engine;
    private final Random random;
    private final int experts;
    private long time = 1_700_000_000_000L;
    private long counter;

    EveryKindMix(long seed, Engine engine, int experts, int maxSubscriptions) {
        this.base = new CommandMix(seed, engine, experts, maxSubscriptions, CommandMix.Weights.BALANCED);
        this.engine = engine;
        this.random = new Random(seed * 31 + 7);
        this.experts = experts;
    }

    List<Command> setup(int followersPerExpert) {
        List<Command> out = new ArrayList<>();
        out.add(ActivateRules.of(Engines.rules().source()));
        out.addAll(base.setup(followersPerExpert));
        out.add(new PutExpert("E0", null, null, null, followersPerExpert, false));
        // token limits that bind now and then: the budget is shared by followers on every shard
        out.add(limited("ETHUSDT", new BigDecimal("10000")));
        out.add(limited("XRPUSDT", new BigDecimal("3000")));
        return out;
    }

    /** The catalog's instrument with a following-notional limit (null: none). */
    private static PutInstrument limited(String symbol, BigDecimal limit) {
        return switch (symbol) {
            case "ETHUSDT" -> new PutInstrument(symbol, new BigDecimal("0.01"), new BigDecimal("0.01"), 100,
                    new BigDecimal("0.0006"), new BigDecimal("0.005"), limit);
            case "XRPUSDT" -> new PutInstrument(symbol, BigDecimal.ONE, BigDecimal.ONE, 75, new BigDecimal("0.0006"),
                    new BigDecimal("0.01"), limit);
            default -> throw new IllegalArgumentException(symbol);
        };
    }

    Command next() {
        counter++;
        int r = random.nextInt(100);
        Command c = r < 80 ? base.next() : extra(r - 80);
        if (c.eventTime() != null) {
            time = Math.max(time, c.eventTime());
        }
        return c;
    }

    private Command extra(int r) {
        long t = time + 1;
        List<Subscription> subs = new ArrayList<>(engine.ledger().subscriptions());
        String expert = "E" + random.nextInt(experts);
        if (r == 17 || r == 18) {
            // some copy the expert's positions (token budgets across shards), some refuse AVOID experts
            return new Follow("C" + counter, random.nextBoolean() ? "E0" : expert, FollowMode.SMART_RATIO,
                    BigDecimal.valueOf(100 + random.nextInt(100)), null, null, random.nextBoolean(), null, t,
                    random.nextBoolean());
        }
        if (r == 19 && random.nextInt(3) == 0) {
            String[] limits = {"2000", "6000", "10000", "20000", null};
            String limit = limits[random.nextInt(limits.length)];
            return limited(random.nextBoolean() ? "ETHUSDT" : "XRPUSDT", limit == null ? null : new BigDecimal(limit));
        }
        if (subs.isEmpty() || r >= 19) {
            return base.next();
        }
        Subscription s = subs.get(random.nextInt(subs.size()));
        Account account = engine.ledger().account(s.accountId());
        Position held = account.positions().stream()
                .filter(p -> p.key().subscriptionId().equals(s.subscriptionId())).findFirst().orElse(null);
        return switch (r) {
            case 0, 1, 2 -> new Withdraw(account.accountId(), BigDecimal.valueOf(5 + random.nextInt(200)), "w" + counter, t);
            case 3 -> new StopFollowing(s.subscriptionId(), random.nextBoolean() ? StopFollowing.Mode.MARKET_CLOSE
                    : StopFollowing.Mode.FOLLOW_EXPERT_CLOSE, t);
            case 4, 5 -> held == null ? base.next() : new ClosePosition(s.subscriptionId(), held.symbol(), held.key().side(), t);
            case 6 -> new PauseSubscription(s.subscriptionId(), t);
            case 7 -> new ResumeSubscription(s.subscriptionId(), random.nextBoolean(), t);
            case 8, 9 -> held == null ? base.next() : new ChangePositionMargin(s.subscriptionId(), held.symbol(),
                    held.key().side(), BigDecimal.valueOf(random.nextInt(20) - 8), "m" + counter, t);
            case 10 -> expertMargin(expert, t);
            case 11, 12 -> new ExpertEquityReport(expert, t, BigDecimal.valueOf(9000 + random.nextInt(3000)), null);
            case 13 -> new PutExpert(expert, new BigDecimal("0.1"), null, null);
            case 14 -> ActivateRules.of(Engines.rules().source());
            case 15, 16 -> capacity(expert);
            default -> s.status() == SubscriptionStatus.STOPPED ? base.next()
                    : new PauseSubscription(s.subscriptionId(), t);
        };
    }

    /** A capacity near the expert's follower count (so the next follows may be refused), or none. */
    private Command capacity(String expert) {
        com.copyguard.core.ledger.Expert e = engine.ledger().expert(expert);
        if (e == null) {
            return base.next();
        }
        if (random.nextInt(4) == 0) {
            return new PutExpert(expert, null, null, null, null, true);
        }
        return new PutExpert(expert, null, null, null, Math.max(1, e.followers() + random.nextInt(3) - 1), false);
    }

    private Command expertMargin(String expert, long t) {
        for (ExpertPosition p : engine.ledger().expert(expert).positions()) {
            return new ExpertMarginChange(expert, p.symbol(), p.side(), BigDecimal.valueOf(1 + random.nextInt(5)),
                    "em" + counter, t);
        }
        return base.next();
    }
}
