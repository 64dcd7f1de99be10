package com.copyguard.cluster.shard;

import static org.assertj.core.api.Assertions.assertThat;

import com.copyguard.api.ReadOperations;
import com.copyguard.cluster.Envelope;
import com.copyguard.cluster.QueryRecord;
import com.copyguard.cluster.ShardReply;
import com.copyguard.cluster.StateCheckpoint;
import com.copyguard.core.command.ClosePosition;
import com.copyguard.core.command.Command;
import com.copyguard.core.command.ExpertFill;
import com.copyguard.core.command.Follow;
import com.copyguard.core.command.PutExpert;
import com.copyguard.core.command.PutInstrument;
import com.copyguard.core.model.FillAction;
import com.copyguard.core.model.FillStatus;
import com.copyguard.core.model.FollowMode;
import com.copyguard.core.model.MarginMode;
import com.copyguard.core.model.Side;
import com.copyguard.durability.Engines;
import com.copyguard.durability.journal.CommandCodec;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A shard gives its records the mark of the newest stamped record before them, live and in
 * replay alike (also when that record was a read through cg.seq, which replay skips), and keeps
 * the marks across a snapshot.
 */
class DeskMarksTest {
    private static final long T = 1_700_000_000_000L;

    private static String json(Command c) {
        return CommandCodec.encode(c);
    }

    /** One record to both shards: applied live by {@code live}, replayed by {@code replayed}. */
    private static ShardReply both(ShardEngine live, ShardEngine replayed, String json, Envelope envelope, Long stamp) {
        long offset = live.nextOffset();
        ShardReply reply = live.apply(offset, json, envelope, null, stamp);
        replayed.replay(offset, json, envelope, null, stamp);
        return reply;
    }

    @Test
    void marksAreTheSameLiveAndReplayedAndSurviveASnapshot(@TempDir Path dir) throws Exception {
        ShardEngine live = ShardEngine.fresh(0, 1, Engines.rules());
        ShardEngine replayed = ShardEngine.fresh(0, 1, Engines.rules());
        Envelope input = new Envelope("i", 1, null);
        both(live, replayed, json(new PutInstrument("BTCUSDT", new BigDecimal("0.001"), new BigDecimal("0.001"), 125,
                new BigDecimal("0.0006"), new BigDecimal("0.004"), null)), input, 10L);
        both(live, replayed, json(new PutExpert("E", null, null, new BigDecimal("10000"))), input, 11L);
        ShardReply follow = both(live, replayed, json(new Follow("f", "E", FollowMode.MULTIPLIER, new BigDecimal("1000"), null,
                new BigDecimal("0.1"), false, null, T, false)), input, null);
        String subscription = follow.body().path("subscriptionId").asText();
        ShardReply fill = both(live, replayed, json(new ExpertFill("E", "f1", "BTCUSDT", FillAction.OPEN_LONG,
                new BigDecimal("0.1"), new BigDecimal("100000"), 20, MarginMode.CROSS, FillStatus.FILLED, T + 1, null)),
                input, 13L);
        assertThat(fill.body().path("copied").asInt()).as(fill.body().toString()).isEqualTo(1);
        // a checkpoint marker through cg.seq: a read, answered live and skipped by replay, still moves the mark
        both(live, replayed, new String(QueryRecord.encode(new ReadOperations.Request(StateCheckpoint.OPERATION, Map.of(),
                Map.of(), null, null))), new Envelope("c", 1, null, true), 14L);
        ShardReply close = both(live, replayed, json(new ClosePosition(subscription, "BTCUSDT", Side.LONG, T + 2)), input, null);
        assertThat(close.refused()).as(close.body().toString()).isFalse();

        assertThat(live.engine().decisions().size()).isEqualTo(1);
        assertThat(live.engine().riskLog().size()).isPositive();
        assertThat(live.marks().of("getDecisions").markOf(0)).as("the fill's own offset").isEqualTo(13);
        assertThat(live.marks().of("getRiskActions").markOf(0)).as("the newest stamp before the close").isEqualTo(14);
        assertThat(replayed.marks().toJson()).isEqualTo(live.marks().toJson());

        ShardSnapshots snapshots = new ShardSnapshots(dir);
        snapshots.write(live);
        ShardEngine restored = snapshots.newest(0, 1, live.nextOffset(), Engines.rules()).orElseThrow();
        assertThat(restored.marks().toJson()).isEqualTo(live.marks().toJson());
    }
}
