package com.copyguard.cluster.sequencer;

import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;

/**
 * The sequencer's expert-level state for {@code maxFollowers} across shards: per expert and shard,
 * the followers the shard last reported and the seats granted to follows it has not answered yet.
 * It is a function of {@code cg.seq} alone (grants in the order of the follows, reports in the
 * order the shards committed them), so a sequencer that replays {@code cg.seq} holds the same seats.
 * A follow's capacity is decided by the rules on its shard, which count its local followers plus
 * {@link #grant}'s {@code elsewhere}: a seat held by a follow in flight on another shard counts
 * until that shard answers, so the cluster never admits more than {@code maxFollowers}.
 * Size: two ints per expert and shard.
 */
final class SeatLedger {
    private final int shards;
    private final Map<String, Seats> byExpert = new HashMap<>();
    private final Map<Long, Granted> open = new HashMap<>();
    private final long[] lastReport;

    private static final class Seats {
        final int[] reported;
        final int[] granted;
        long reportedTotal;
        long grantedTotal;

        Seats(int shards) {
            reported = new int[shards];
            granted = new int[shards];
        }

        boolean empty() {
            return reportedTotal == 0 && grantedTotal == 0;
        }
    }

    private record Granted(String expertId, int shard) {
    }

    SeatLedger(int shards) {
        this.shards = shards;
        this.lastReport = new long[shards];
        Arrays.fill(lastReport, -1);
    }

    /**
     * Grants a seat to the follow at {@code cg.seq} offset {@code id} of {@code expertId} on
     * {@code shard}: returns what the follow's shard must add to its own count.
     */
    SeatRecords.Grant grant(long id, String expertId, int shard) {
        Seats s = byExpert.computeIfAbsent(expertId, e -> new Seats(shards));
        long elsewhere = s.reportedTotal - s.reported[shard] + s.grantedTotal - s.granted[shard];
        s.granted[shard]++;
        s.grantedTotal++;
        open.put(id, new Granted(expertId, shard));
        return new SeatRecords.Grant(id, (int) Math.min(Integer.MAX_VALUE, elsewhere));
    }

    /** A shard's report: its counts replace what it reported before, and the grant it answered is closed. */
    void report(SeatRecords.Report r) {
        if (r.shard() < 0 || r.shard() >= shards || r.offset() <= lastReport[r.shard()]) {
            return; // a report this ledger has applied already (or from no shard it knows)
        }
        lastReport[r.shard()] = r.offset();
        if (r.grant() != null) {
            Granted g = open.remove(r.grant());
            if (g != null) {
                Seats s = byExpert.get(g.expertId());
                s.granted[g.shard()]--;
                s.grantedTotal--;
                forgetIfEmpty(g.expertId(), s);
            }
        }
        r.followers().forEach((expertId, count) -> {
            Seats s = byExpert.computeIfAbsent(expertId, e -> new Seats(shards));
            s.reportedTotal += count - s.reported[r.shard()];
            s.reported[r.shard()] = count;
            forgetIfEmpty(expertId, s);
        });
    }

    /** An expert nobody follows or is about to follow takes no room (unknown experts' refused follows leave nothing). */
    private void forgetIfEmpty(String expertId, Seats s) {
        if (s.empty()) {
            byExpert.remove(expertId);
        }
    }

    /** The expert's followers across the cluster, those in flight included. */
    long seatsTaken(String expertId) {
        Seats s = byExpert.get(expertId);
        return s == null ? 0 : s.reportedTotal + s.grantedTotal;
    }

    /** Follows granted a seat whose shard has not answered yet. */
    int inFlight() {
        return open.size();
    }
}
