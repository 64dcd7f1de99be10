package com.copyguard.cluster;

import com.copyguard.core.command.Command;
import com.copyguard.core.command.ExpertFill;
import com.copyguard.core.command.Follow;
import com.copyguard.core.command.PriceTick;
import com.copyguard.core.command.PutExpert;
import com.copyguard.core.model.FillAction;
import com.copyguard.core.model.FillStatus;
import com.copyguard.core.model.FollowMode;
import com.copyguard.core.model.MarginMode;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * An expert whose followers, summed over every shard, lose while the expert wins (FOLLOWERS_LOSING),
 * although the followers on one shard win: the winner follows first and catches a 4 % rise, three
 * later followers on three other shards catch only a 2 % fall. A screening answered from the
 * winner's shard alone would not raise the flag. The expert's history spans two days (a market-wide
 * price tick on the second one, so every shard's clock reaches it) and its return is positive.
 * Last, a newcomer on the winner's shard asks to follow unless the expert is AVOID: it must be
 * refused, which its shard can only know from the other shards' followers.
 */
final class FollowersLosingScenario {
    static final String EXPERT = "LOSER";
    private final String winner;
    private final List<String> losers;
    private final List<Command> commands = new ArrayList<>();

    /**
     * The scenario's inputs from event time {@code after} on, BTCUSDT moving from {@code mark} (its
     * mark now, so no price jumps), followers named so that each sits on a different shard.
     */
    FollowersLosingScenario(ShardRouting routing, long after, BigDecimal mark) {
        Set<Integer> used = new LinkedHashSet<>();
        List<String> names = new ArrayList<>();
        for (int i = 0; names.size() < 4; i++) {
            String name = "LF-" + i;
            if (used.add(routing.ofFollower(name))) {
                names.add(name);
            }
        }
        winner = names.get(0);
        losers = List.copyOf(names.subList(1, 4));
        BigDecimal open = mark.setScale(0, RoundingMode.HALF_EVEN);
        BigDecimal high = open.multiply(new BigDecimal("1.04"));
        BigDecimal low = open.multiply(new BigDecimal("1.02"));
        long day = 86_400_000L;
        long t = after + 1000;
        commands.add(new PutExpert(EXPERT, new BigDecimal("0.1"), null, new BigDecimal("10000")));
        commands.add(follow(winner, t++));
        commands.add(tick(open, t++));
        commands.add(fill("lose-1", FillAction.OPEN_LONG, open, t++));
        commands.add(tick(high, t++));
        commands.add(fill("lose-2", FillAction.CLOSE_LONG, high, t++));
        t += day;
        commands.add(tick(high, t++)); // the next day on every shard
        for (String f : losers) {
            commands.add(follow(f, t++));
        }
        commands.add(fill("lose-3", FillAction.OPEN_LONG, high, t++));
        commands.add(tick(low, t++));
        // a newcomer on the winner's shard asks not to follow AVOID experts: only the followers on
        // the other shards make the expert AVOID, so its shard must count them (409 EXPERT_AVOID)
        int winnerShard = routing.ofFollower(winner);
        String newcomer = null;
        for (int i = 0; newcomer == null; i++) {
            if (routing.ofFollower("LA-" + i) == winnerShard) {
                newcomer = "LA-" + i;
            }
        }
        commands.add(new Follow(newcomer, EXPERT, FollowMode.MULTIPLIER, new BigDecimal("1000"), null,
                new BigDecimal("0.1"), false, null, t, true));
    }

    private static Follow follow(String follower, long time) {
        return new Follow(follower, EXPERT, FollowMode.MULTIPLIER, new BigDecimal("1000"), null, new BigDecimal("0.1"),
                false, null, time, false);
    }

    private static PriceTick tick(BigDecimal price, long time) {
        return new PriceTick(time, List.of(new PriceTick.SymbolPrice("BTCUSDT", price)));
    }

    private static ExpertFill fill(String id, FillAction action, BigDecimal price, long time) {
        return new ExpertFill(EXPERT, id, "BTCUSDT", action, new BigDecimal("0.1"), price, 10, MarginMode.CROSS,
                FillStatus.FILLED, time, null);
    }

    List<Command> commands() {
        return commands;
    }

    /** The follower that wins, alone on its shard among the expert's followers. */
    String winner() {
        return winner;
    }

    List<String> losers() {
        return losers;
    }
}
