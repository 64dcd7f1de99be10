package com.copyguard.cluster;

import com.copyguard.core.command.ChangePositionMargin;
import com.copyguard.core.command.ClosePosition;
import com.copyguard.core.command.Command;
import com.copyguard.core.command.Deposit;
import com.copyguard.core.command.Follow;
import com.copyguard.core.command.PatchSettings;
import com.copyguard.core.command.PauseSubscription;
import com.copyguard.core.command.ResumeSubscription;
import com.copyguard.core.command.StopFollowing;
import com.copyguard.core.command.Withdraw;
import java.nio.charset.StandardCharsets;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.kafka.common.utils.Utils;

/**
 * Where an input goes. A follower lives on shard {@code murmur2(followerId) % shards} (Kafka's
 * own partitioner hash), with all its subscriptions and accounts. Shard {@code p} mints the ids
 * S/A{@code p × ID_BLOCK + n}, so a subscription or account id names its shard and needs no
 * lookup. Market-wide inputs go to the sequencer, which hands them to every shard in one order.
 */
public final class ShardRouting {
    /** Ids per shard: a shard mints at most 10^12 subscriptions and accounts. */
    public static final long ID_BLOCK = 1_000_000_000_000L;
    /** The destination of every market-wide input. */
    public static final int MARKET = -1;
    private static final Pattern MINTED = Pattern.compile("[SA](\\d{1,18})");

    /** Inputs about the market, experts and rules: every shard applies them, in the sequencer's order. */
    private static final java.util.Set<Class<? extends Command>> MARKET_WIDE = java.util.Set.of(
            com.copyguard.core.command.PutInstrument.class, com.copyguard.core.command.PutExpert.class,
            com.copyguard.core.command.ExpertFill.class, com.copyguard.core.command.PriceTick.class,
            com.copyguard.core.command.AdvanceClock.class, com.copyguard.core.command.ExpertEquityReport.class,
            com.copyguard.core.command.ActivateRules.class, com.copyguard.core.command.ExpertMarginChange.class);

    private final int shards;

    public ShardRouting(int shards) {
        if (shards < 1 || shards > 9_000) {
            throw new IllegalArgumentException("shards must be 1-9000, not " + shards);
        }
        this.shards = shards;
    }

    public int shards() {
        return shards;
    }

    /** The shard of a follower: Kafka's murmur2 of its id's UTF-8 bytes, made positive, modulo the shard count. */
    public int ofFollower(String followerId) {
        return Utils.toPositive(Utils.murmur2(followerId.getBytes(StandardCharsets.UTF_8))) % shards;
    }

    /**
     * The shard that minted a subscription or account id. An id no shard could have minted goes to
     * shard 0, which answers 404 as the single-node service does.
     */
    public int ofMintedId(String id) {
        Matcher m = id == null ? null : MINTED.matcher(id);
        if (m == null || !m.matches()) {
            return 0;
        }
        long shard = Long.parseLong(m.group(1)) / ID_BLOCK;
        return shard < shards ? (int) shard : 0;
    }

    /** The first id number shard {@code shard} mints after. */
    public static long idBase(int shard) {
        return shard * ID_BLOCK;
    }

    /** The shard of an account command, or {@link #MARKET} for an input every shard applies. */
    public int of(Command c) {
        if (c instanceof Follow f) {
            return ofFollower(f.followerId());
        } else if (c instanceof PatchSettings p) {
            return ofMintedId(p.subscriptionId());
        } else if (c instanceof Deposit d) {
            return ofMintedId(d.accountId());
        } else if (c instanceof Withdraw w) {
            return ofMintedId(w.accountId());
        } else if (c instanceof StopFollowing s) {
            return ofMintedId(s.subscriptionId());
        } else if (c instanceof ClosePosition p) {
            return ofMintedId(p.subscriptionId());
        } else if (c instanceof PauseSubscription p) {
            return ofMintedId(p.subscriptionId());
        } else if (c instanceof ResumeSubscription r) {
            return ofMintedId(r.subscriptionId());
        } else if (c instanceof ChangePositionMargin m) {
            return ofMintedId(m.subscriptionId());
        }
        if (MARKET_WIDE.contains(c.getClass())) {
            return MARKET;
        }
        // a new kind of input must be placed here on purpose, not sent everywhere by default
        throw new IllegalArgumentException("no route for " + c.getClass().getSimpleName());
    }
}
