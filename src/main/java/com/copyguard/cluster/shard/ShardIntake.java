package com.copyguard.cluster.shard;

import com.copyguard.cluster.GatherRecords;
import java.util.ArrayList;
import java.util.List;

/**
 * How a shard takes the records of its log: most are applied at once, in log order; a record whose
 * decision needs the other shards' parts ({@link Gather}) is held, and the records behind it wait
 * with it, until every part arrived. Records behind a held one are kept in memory up to a bound;
 * past it they are dropped and read again from the log once the held record is applied. None of
 * this is state a snapshot holds: the shard's next offset never passes a held record.
 */
final class ShardIntake {
    /** At most this many records are kept behind a held one; later ones are read again after it. */
    static final int MAX_BEHIND = 10_000;

    private final ShardEngine shard;
    /** The record waiting for the other shards' parts, with the records taken behind it (null: none). */
    private Gather held;
    private final List<GatherRecords.Share> outgoing = new ArrayList<>();
    private int maxBehind = MAX_BEHIND;
    private long rewind = -1;
    /** When the held record started waiting (System.nanoTime), and the waits ended since the worker last asked. */
    private long heldSince;
    private final List<Long> gatherWaits = new ArrayList<>();

    ShardIntake(ShardEngine shard) {
        this.shard = shard;
    }

    /**
     * Takes the next record of this shard's log and applies what can be applied now, in log order.
     * A record whose decision needs the other shards' parts (an opening fill under a token limit, a
     * follow: {@link Gather}) is held, with every record after it, until those parts arrive; its own
     * part is then waiting in {@link #takeShares} when {@code live} (a replayed record's part was sent
     * by the owner that first took it). Returns the records applied by this one, in order: none while
     * holding, several when the last part arrives. The shard's next offset stays at a held record, so
     * a commit or a snapshot never passes it.
     */
    List<ShardEngine.Applied> offer(ShardRecord r, boolean live) {
        if (held != null) {
            boolean part = r.share() && held.accept(GatherRecords.Share.decode(r.value()));
            if (held.overflowFrom() < 0 && held.behind().size() >= maxBehind) {
                // memory is bounded: stop keeping records behind the held one; they are read again after it
                held.overflowAt(r.offset());
            }
            if (held.overflowFrom() < 0) {
                held.buffer(r); // a part too: taken again after the held record, it moves the next offset past itself
            }
            return part && held.complete() ? release(live) : List.of();
        }
        return step(r, live);
    }

    /**
     * The offset the worker must read this shard's log from again, once, when records behind a held
     * one were not kept ({@link #MAX_BEHIND}); -1: none. The worker seeks there and drops what it
     * fetched after it.
     */
    long takeRewind() {
        long r = rewind;
        rewind = -1;
        return r;
    }

    /** Tests: keep at most {@code records} behind a held record. */
    void maxBehind(int records) {
        this.maxBehind = records;
    }

    /** The parts of gathers this shard owes the others, to send in the transaction of the records taken. */
    List<GatherRecords.Share> takeShares() {
        List<GatherRecords.Share> out = List.copyOf(outgoing);
        outgoing.clear();
        return out;
    }

    /** How long each live record that waited for the other shards' parts waited (ns), since the last call. */
    List<Long> takeGatherWaits() {
        List<Long> out = List.copyOf(gatherWaits);
        gatherWaits.clear();
        return out;
    }

    /** True while a record waits for the other shards' parts. */
    boolean holding() {
        return held != null;
    }

    private List<ShardEngine.Applied> step(ShardRecord r, boolean live) {
        if (!live && r.envelope().query()) {
            shard.passed(r, false); // a read replayed: it was answered when it was live
            return List.of();
        }
        if (r.share()) {
            shard.passed(r, live); // a part of a gather already decided (sent again after a restart)
            return List.of();
        }
        if (r.marker() != null) {
            shard.passed(r, live);
            if (live) {
                outgoing.add(shard.followShare(r));
            }
            return List.of();
        }
        Gather gather = Gather.of(r, shard);
        if (gather == null) {
            return List.of(shard.applied(r, null));
        }
        held = gather;
        heldSince = System.nanoTime();
        if (live) {
            outgoing.addAll(gather.ownShare(shard));
        }
        shard.holdAt(r);
        return List.of();
    }

    /** Applies the held record with the other shards' parts, then every record taken behind it. */
    private List<ShardEngine.Applied> release(boolean live) {
        Gather done = held;
        held = null;
        if (live) {
            gatherWaits.add(System.nanoTime() - heldSince);
        }
        List<ShardEngine.Applied> out = new ArrayList<>();
        out.add(shard.applied(done.record(), done));
        for (ShardRecord r : done.behind()) {
            out.addAll(offer(r, live));
        }
        if (done.overflowFrom() >= 0) {
            // the records kept end just before it: the next offset is there, or at a record held again
            rewind = done.overflowFrom();
        }
        return out;
    }

}
