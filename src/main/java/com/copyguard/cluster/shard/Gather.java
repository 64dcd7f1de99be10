package com.copyguard.cluster.shard;

import com.copyguard.cluster.GatherRecords;
import com.copyguard.core.command.Command;
import com.copyguard.core.command.ExpertFill;
import com.copyguard.core.command.Follow;
import com.copyguard.core.command.ResumeSubscription;
import com.copyguard.core.engine.Engine;
import com.copyguard.core.engine.FillTokenShares;
import com.copyguard.core.engine.OtherShards;
import com.copyguard.core.engine.TokenShare;
import com.copyguard.core.ledger.Expert;
import com.copyguard.core.ledger.ExpertPosition;
import com.copyguard.core.model.Instrument;
import com.copyguard.core.screening.ExpertScreening;
import com.copyguard.core.screening.FollowerResults;
import com.copyguard.durability.journal.CommandCodec;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * A record held on one shard until the other shards' parts arrive, because what it decides depends
 * on every shard's followers at its place in the market order:
 * <ul>
 * <li>an opening fill on an instrument with a token limit, under rules that decide the budget from
 *     claims ({@code rules/v4}): every shard holds it, sends every shard its claims and following
 *     notional, and decides its own copies with all the others' ({@link FillTokenShares});</li>
 * <li>a follow: its follower's shard holds it; every other shard was sent a marker at the same place
 *     and answers with its followers' results and following notional ({@link FollowShares}), for
 *     EXPERT_AVOID and the catch-up copies' token budgets; a resume that copies the expert's
 *     positions likewise (the ingress named its expert).</li>
 * </ul>
 * Only records the sequencer handed on with their cg.seq offset are gathered (it names the gather on
 * every shard), and only with more than one shard. The parts a shard has taken are kept with the
 * records behind the held one; none of this is state a snapshot holds: a snapshot is taken at the
 * held record, and the log after it is read again.
 */
final class Gather {
    private enum Kind { FILL, FOLLOW }

    private final ShardRecord record;
    private final int self;
    private final Kind kind;
    private final long id;
    private final ExpertFill fill;
    private final String expertId;
    private final List<Integer> from;
    /** Parts taken, by sending shard and part number. */
    private final Map<Integer, Map<Integer, GatherRecords.Share>> parts = new TreeMap<>();
    private final List<ShardRecord> behind = new ArrayList<>();
    /** The first record taken and not kept (the buffer was full), or -1. */
    private long overflowFrom = -1;

    private Gather(ShardRecord record, int self, Kind kind, ExpertFill fill, String expertId, List<Integer> from) {
        this.record = record;
        this.self = self;
        this.kind = kind;
        this.id = record.marketSeq();
        this.fill = fill;
        this.expertId = expertId;
        this.from = from;
    }

    /** The gather {@code r} needs on {@code shard}, or null: it is applied at once. */
    static Gather of(ShardRecord r, ShardEngine shard) {
        if (shard.shards() < 2 || r.marketSeq() == null || r.envelope().query() || r.envelope().rules()) {
            return null;
        }
        Command c;
        try {
            c = CommandCodec.decode(r.json());
        } catch (RuntimeException e) {
            return null; // refused MALFORMED_JSON when applied
        }
        Engine engine = shard.engine();
        if (c instanceof ExpertFill f && f.action().isOpening()) {
            Instrument i = engine.ledger().instrument(f.symbol());
            if (i == null || i.getFollowNotionalLimit() == null || !engine.rules().get().decidesTokenClaims()) {
                return null;
            }
            List<Integer> all = new ArrayList<>();
            for (int p = 0; p < shard.shards(); p++) {
                all.add(p);
            }
            return new Gather(r, shard.shard(), Kind.FILL, f, f.expertId(), all);
        }
        String expertId = c instanceof Follow f && r.grant() != null ? f.expertId()
                : c instanceof ResumeSubscription ? r.catchUpExpert() : null;
        if (expertId == null) {
            return null;
        }
        List<Integer> others = new ArrayList<>();
        for (int p = 0; p < shard.shards(); p++) {
            if (p != shard.shard()) {
                others.add(p);
            }
        }
        return new Gather(r, shard.shard(), Kind.FOLLOW, null, expertId, others);
    }

    ShardRecord record() {
        return record;
    }

    /** What this shard sends for its own held record: an opening fill's claims (to every shard, itself included). */
    List<GatherRecords.Share> ownShare(ShardEngine shard) {
        if (kind != Kind.FILL) {
            return List.of();
        }
        return GatherRecords.Share.ofFill(id, shard.shard(), shard.engine().tokenShare(fill));
    }

    /** Takes {@code s} if it is a part of this gather from a shard it waits for; false: not this gather's. */
    boolean accept(GatherRecords.Share s) {
        if (s.gather() != id || !from.contains(s.from())) {
            return false;
        }
        if (kind == Kind.FOLLOW && s.to() != self) {
            return false;
        }
        parts.computeIfAbsent(s.from(), k -> new TreeMap<>()).putIfAbsent(s.part(), s);
        return true;
    }

    void buffer(ShardRecord r) {
        behind.add(r);
    }

    List<ShardRecord> behind() {
        return behind;
    }

    long overflowFrom() {
        return overflowFrom;
    }

    void overflowAt(long offset) {
        overflowFrom = offset;
    }

    boolean complete() {
        for (int p : from) {
            Map<Integer, GatherRecords.Share> got = parts.get(p);
            if (got == null || got.size() < got.values().iterator().next().parts()) {
                return false;
            }
        }
        return true;
    }

    /** Gives {@code engine} the other shards' parts for the held record. */
    void install(Engine engine) {
        if (kind == Kind.FILL) {
            List<TokenShare> others = new ArrayList<>();
            parts.forEach((shard, byPart) -> {
                if (shard != self) {
                    others.add(joined(byPart));
                }
            });
            engine.otherShards(new FillTokenShares(fill.expertId(), fill.symbol(), others));
            return;
        }
        List<GatherRecords.Share> others = new ArrayList<>();
        parts.values().forEach(byPart -> others.addAll(byPart.values()));
        FollowShares shares = new FollowShares(expertId, others);
        engine.otherShards(shares);
        ExpertScreening screening = ExpertScreening.of(engine);
        if (screening != null) {
            screening.followersElsewhere(shares.followersElsewhere());
        }
    }

    static void uninstall(Engine engine) {
        engine.otherShards(OtherShards.NONE);
        ExpertScreening screening = ExpertScreening.of(engine);
        if (screening != null) {
            screening.followersElsewhere(null);
        }
    }

    /** One shard's token share from its parts: the notional held (in part 0) and every part's claims. */
    private static TokenShare joined(Map<Integer, GatherRecords.Share> byPart) {
        BigDecimal used = BigDecimal.ZERO;
        List<TokenShare.Claim> claims = new ArrayList<>();
        for (GatherRecords.Share s : byPart.values()) {
            used = used.add(s.token().used());
            claims.addAll(s.token().claims());
        }
        return new TokenShare(used, claims);
    }

    /** A shard's answer to a follow's marker: its followers' results and following notional for the expert. */
    static GatherRecords.Share followShare(Engine engine, GatherRecords.Marker marker, int shard) {
        Expert expert = engine.ledger().expert(marker.expertId());
        FollowerResults results = expert == null ? FollowerResults.NONE : FollowerResults.of(expert, engine.ledger());
        Map<String, BigDecimal> used = new TreeMap<>();
        if (expert != null) {
            for (ExpertPosition p : expert.positions()) {
                Instrument i = engine.ledger().instrument(p.symbol());
                if (i != null && i.getFollowNotionalLimit() != null) {
                    used.put(p.symbol(), engine.followingNotional(marker.expertId(), p.symbol()));
                }
            }
        }
        return new GatherRecords.Share(marker.gather(), shard, marker.owner(), 0, 1, null, results.totalPnl(),
                results.followers(), results.activeFollowers(), used);
    }
}
