package com.copyguard.cluster.shard;

import static org.assertj.core.api.Assertions.assertThat;

import com.copyguard.cluster.Envelope;
import com.copyguard.cluster.GatherRecords;
import com.copyguard.cluster.ShardRouting;
import com.copyguard.core.command.Command;
import com.copyguard.core.command.Deposit;
import com.copyguard.core.command.ExpertFill;
import com.copyguard.core.command.Follow;
import com.copyguard.core.command.PriceTick;
import com.copyguard.core.command.PutExpert;
import com.copyguard.core.command.PutInstrument;
import com.copyguard.core.engine.DecisionRecord;
import com.copyguard.core.engine.Engine;
import com.copyguard.core.model.FillAction;
import com.copyguard.core.model.FillStatus;
import com.copyguard.core.model.FollowMode;
import com.copyguard.core.model.MarginMode;
import com.copyguard.core.rules.ActiveRules;
import com.copyguard.core.screening.EngineAssembly;
import com.copyguard.durability.Engines;
import com.copyguard.durability.journal.CommandCodec;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/**
 * The shard's side of a gather, records handed to it as its log holds them (no Kafka): an opening
 * fill under a token limit waits on every shard, with the records behind it, until every shard's
 * part arrived; then it is decided as one engine holding every follower decides it, and the records
 * behind it follow in log order. While it waits the shard's next offset stays at it, so a commit or
 * a snapshot never passes it; a replay takes the parts from the log and sends nothing; a part seen
 * twice (sent again after a restart) counts once.
 */
class ShardGatherTest {
    private static final long T0 = 1_767_225_600_000L;
    private static final int SHARDS = 2;
    private final ShardRouting routing = new ShardRouting(SHARDS);
    private final long[] offsets = new long[SHARDS];

    @Test
    void aTokenLimitedFillWaitsForEveryShardsClaimsAndDecidesAsOneEngine() {
        Engine one = EngineAssembly.create(new ActiveRules(Engines.rules()));
        List<ShardEngine> shards = List.of(ShardEngine.fresh(0, SHARDS, Engines.rules()),
                ShardEngine.fresh(1, SHARDS, Engines.rules()));
        long seq = 0;
        for (Command c : List.of(new PutInstrument("TUSDT", d("1"), d("1"), 125, d("0"), d("0.005"), d("1000")),
                new PutExpert("x0", d("0.1"), null, d("100000")),
                new PriceTick(T0, List.of(new PriceTick.SymbolPrice("TUSDT", d("100")))))) {
            one.apply(c);
            for (ShardEngine s : shards) {
                assertThat(s.offer(market(s, c, seq), true)).hasSize(1);
            }
            seq++;
        }
        // six followers, three per shard, each would copy 300: the budget of 1,000 takes three
        List<String> followers = new ArrayList<>();
        for (int i = 0; followers.size() < 6; i++) {
            String f = "f" + i;
            long onShard = followers.stream().filter(x -> routing.ofFollower(x) == routing.ofFollower(f)).count();
            if (onShard < 3) {
                followers.add(f);
                Follow follow = new Follow(f, "x0", FollowMode.MULTIPLIER, d("5000"), null, d("0.3"), false, null,
                        T0 + 1_000 + i, false);
                one.apply(follow);
                ShardEngine s = shards.get(routing.ofFollower(f));
                assertThat(s.offer(logged(s, ShardRecord.plain(offsets[s.shard()]++, CommandCodec.encode(follow),
                        new Envelope("follow-" + f, 1, null), null)), true)).hasSize(1);
            }
        }
        ExpertFill fill = new ExpertFill("x0", "open-1", "TUSDT", FillAction.OPEN_LONG, d("10"), d("100"), 10,
                MarginMode.CROSS, FillStatus.FILLED, T0 + 60_000, null);
        one.apply(fill);

        long fillSeq = seq;
        List<GatherRecords.Share> parts = new ArrayList<>();
        for (ShardEngine s : shards) {
            long at = offsets[s.shard()];
            assertThat(s.offer(market(s, fill, fillSeq), true)).as("held").isEmpty();
            assertThat(s.holding()).isTrue();
            assertThat(s.nextOffset()).as("the offset stays at the held fill").isEqualTo(at);
            List<GatherRecords.Share> own = s.takeShares();
            assertThat(own).hasSize(1).allMatch(p -> p.to() == GatherRecords.EVERY_SHARD && p.gather() == fillSeq);
            parts.addAll(own);
        }
        // a follower's deposit lands behind the fill on shard 0: it waits too, and comes after it
        ShardEngine first = shards.get(0);
        String account = first.engine().ledger().subscriptions().iterator().next().accountId();
        assertThat(first.offer(logged(first, ShardRecord.plain(offsets[0]++, CommandCodec.encode(
                new Deposit(account, d("10"), "dep-1", T0 + 61_000)), new Envelope("dep", 1, null), null)), true)).isEmpty();

        Map<String, String> split = new TreeMap<>();
        for (ShardEngine s : shards) {
            List<ShardEngine.Applied> applied = new ArrayList<>();
            // shard 1's part first, then shard 0's twice (a part sent again after a restart)
            applied.addAll(s.offer(share(s, parts.get(1)), true));
            assertThat(applied).as("one part of two").isEmpty();
            applied.addAll(s.offer(share(s, parts.get(0)), true));
            applied.addAll(s.offer(share(s, parts.get(0)), true));
            assertThat(s.holding()).isFalse();
            assertThat(s.nextOffset()).as("past every record taken").isEqualTo(offsets[s.shard()]);
            assertThat(applied.get(0).reply().requestId()).isEqualTo("market-" + fillSeq);
            if (s.shard() == 0) {
                assertThat(applied).extracting(a -> a.reply().requestId()).containsExactly("market-" + fillSeq, "dep");
            }
            split.putAll(decisions(s.engine(), fill.fillId()));
        }
        assertThat(split).isEqualTo(decisions(one, fill.fillId()));
        assertThat(split.values()).filteredOn(v -> v.startsWith("REJECTED TOKEN_LIMIT")).hasSize(3);

        // a new owner replays the shard's log from the start: the parts are in the log, none is sent
        ShardEngine replayed = ShardEngine.fresh(1, SHARDS, Engines.rules());
        replayLog(replayed, shards.get(1));
        assertThat(replayed.takeShares()).isEmpty();
        assertThat(decisions(replayed.engine(), fill.fillId())).isEqualTo(decisions(shards.get(1).engine(), fill.fillId()));
    }

    /**
     * Records behind a held one are kept up to a bound; past it they are not kept, and after the
     * held record is applied the shard asks to read its log again from the first one it dropped.
     */
    @Test
    void recordsBehindAHeldFillAreBoundedAndReadAgain() {
        List<ShardEngine> shards = List.of(ShardEngine.fresh(0, SHARDS, Engines.rules()),
                ShardEngine.fresh(1, SHARDS, Engines.rules()));
        long seq = 0;
        for (Command c : List.of(new PutInstrument("TUSDT", d("1"), d("1"), 125, d("0"), d("0.005"), d("1000")),
                new PutExpert("x0", d("0.1"), null, d("100000")))) {
            for (ShardEngine s : shards) {
                s.offer(market(s, c, seq), true);
            }
            seq++;
        }
        ShardEngine s0 = shards.get(0);
        s0.maxBehind(2);
        ExpertFill fill = new ExpertFill("x0", "open-1", "TUSDT", FillAction.OPEN_LONG, d("1"), d("100"), 10,
                MarginMode.CROSS, FillStatus.FILLED, T0, null);
        List<GatherRecords.Share> parts = new ArrayList<>();
        for (ShardEngine s : shards) {
            s.offer(market(s, fill, seq), true);
            parts.addAll(s.takeShares());
        }
        List<ShardRecord> behind = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            Command price = new PriceTick(T0 + 1_000 + i, List.of(new PriceTick.SymbolPrice("TUSDT", d("100"))));
            ShardRecord r = market(s0, price, seq + 1 + i);
            behind.add(r);
            assertThat(s0.offer(r, true)).isEmpty();
        }
        List<ShardEngine.Applied> applied = new ArrayList<>(s0.offer(share(s0, parts.get(0)), true));
        applied.addAll(s0.offer(share(s0, parts.get(1)), true));
        assertThat(applied).as("the fill, then the two records kept").hasSize(3);
        long rewind = s0.takeRewind();
        assertThat(rewind).as("the first record not kept").isEqualTo(behind.get(2).offset());
        assertThat(s0.nextOffset()).isEqualTo(rewind);
        assertThat(s0.takeRewind()).isEqualTo(-1);
        // the worker reads again from there: the two ticks, then the parts (already taken: skipped)
        List<ShardEngine.Applied> again = new ArrayList<>();
        for (ShardRecord r : log.get(0)) {
            if (r.offset() >= rewind) {
                again.addAll(s0.offer(r, true));
            }
        }
        assertThat(again).hasSize(2);
        assertThat(s0.nextOffset()).isEqualTo(offsets[0]);
    }

    /** The records shard {@code live} took, in order, replayed into {@code fresh} (kept by {@link #log}). */
    private void replayLog(ShardEngine fresh, ShardEngine live) {
        for (ShardRecord r : log.getOrDefault(live.shard(), List.of())) {
            fresh.offer(r, false);
        }
        assertThat(fresh.nextOffset()).isEqualTo(live.nextOffset());
    }

    private final Map<Integer, List<ShardRecord>> log = new TreeMap<>();

    private ShardRecord market(ShardEngine s, Command c, long seq) {
        ShardRecord r = new ShardRecord(offsets[s.shard()]++, CommandCodec.encode(c), null,
                new Envelope("market-" + seq, SHARDS, null), null, seq, null, false, null);
        return logged(s, r);
    }

    private ShardRecord share(ShardEngine s, GatherRecords.Share part) {
        return logged(s, new ShardRecord(offsets[s.shard()]++, null, part.encode(), new Envelope(null, 1, null), null,
                null, null, true, null));
    }

    private ShardRecord logged(ShardEngine s, ShardRecord r) {
        log.computeIfAbsent(s.shard(), k -> new ArrayList<>()).add(r);
        return r;
    }

    private static Map<String, String> decisions(Engine e, String fillId) {
        Map<String, String> out = new TreeMap<>();
        for (DecisionRecord d : e.decisions().query(fillId, null, 100)) {
            out.put(e.ledger().subscription(d.subscriptionId()).followerId(),
                    d.outcome() + " " + d.reason() + " " + d.qty() + " " + d.rulesFired() + " " + d.explanation());
        }
        return out;
    }

    private static BigDecimal d(String s) {
        return new BigDecimal(s);
    }
}
