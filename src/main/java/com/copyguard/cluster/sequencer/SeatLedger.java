package com.copyguard.cluster.sequencer;

import com.copyguard.json.Json;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.Map;
import java.util.TreeMap;

/**
 * The sequencer's expert-level state for {@code maxFollowers} across shards: per expert and shard,
 * the followers the shard last reported and the seats granted to follows it has not answered yet.
 * It is a function of {@code cg.seq} alone (grants in the order of the follows, reports in the
 * order the shards committed them), so a sequencer that replays {@code cg.seq} holds the same seats.
 * A follow's capacity is decided by the rules on its shard, which count its local followers plus
 * {@link #grant}'s {@code elsewhere}: a seat held by a follow in flight on another shard counts
 * until that shard answers, so the cluster never admits more than {@code maxFollowers}.
 * Size: two ints per expert and shard.
 *
 * <p>{@link #state} is its canonical encoding (everything unordered here is sorted there), which
 * {@link SeatSnapshots} writes and {@link #fromState} reads back into an equal ledger.
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

    /**
     * The whole ledger as canonical JSON: {@code lastReport} (per shard, the newest report offset
     * applied, -1: none), {@code reported} ([expert, shard, count] for every count not 0, sorted) and
     * {@code open} ([grant id, expert, shard], sorted by id). The granted counts are not written: they
     * are the open grants counted, and are rebuilt from them.
     */
    ObjectNode state() {
        ObjectNode n = Json.object();
        ArrayNode last = n.putArray("lastReport");
        for (long o : lastReport) {
            last.add(o);
        }
        ArrayNode reported = n.putArray("reported");
        new TreeMap<>(byExpert).forEach((expertId, s) -> {
            for (int p = 0; p < shards; p++) {
                if (s.reported[p] != 0) {
                    reported.addArray().add(expertId).add(p).add(s.reported[p]);
                }
            }
        });
        ArrayNode grants = n.putArray("open");
        new TreeMap<>(open).forEach((id, g) -> grants.addArray().add(id).add(g.expertId()).add(g.shard()));
        return n;
    }

    /** The SHA-256 (hex) of {@link #state}: two ledgers that absorbed the same records of cg.seq agree. */
    String hash() {
        return sha256(bytes(state()));
    }

    /**
     * The ledger {@link #state} encoded. Refuses (IllegalArgumentException) a state that does not
     * fit {@code shards} or is not well formed; what it accepts encodes back to the same state.
     */
    static SeatLedger fromState(JsonNode n, int shards) {
        SeatLedger l = new SeatLedger(shards);
        JsonNode last = n.path("lastReport");
        require(last.isArray() && last.size() == shards, "lastReport must list " + shards + " shards");
        for (int p = 0; p < shards; p++) {
            require(last.get(p).canConvertToLong() && last.get(p).isIntegralNumber() && last.get(p).asLong() >= -1,
                    "lastReport[" + p + "] is not an offset");
            l.lastReport[p] = last.get(p).asLong();
        }
        JsonNode reported = n.path("reported");
        require(reported.isArray(), "reported must be an array");
        for (JsonNode r : reported) {
            require(r.isArray() && r.size() == 3 && r.get(0).isTextual() && r.get(1).isInt() && r.get(2).isInt(),
                    "a reported count must be [expert, shard, count]");
            int p = shard(r.get(1).asInt(), shards);
            Seats s = l.byExpert.computeIfAbsent(r.get(0).asText(), e -> new Seats(shards));
            require(s.reported[p] == 0 && r.get(2).asInt() != 0, "a reported count is repeated or 0");
            s.reported[p] = r.get(2).asInt();
            s.reportedTotal += s.reported[p];
        }
        JsonNode open = n.path("open");
        require(open.isArray(), "open must be an array");
        for (JsonNode g : open) {
            require(g.isArray() && g.size() == 3 && g.get(0).isIntegralNumber() && g.get(0).canConvertToLong()
                    && g.get(1).isTextual() && g.get(2).isInt(), "an open grant must be [id, expert, shard]");
            int p = shard(g.get(2).asInt(), shards);
            require(l.open.put(g.get(0).asLong(), new Granted(g.get(1).asText(), p)) == null, "an open grant is repeated");
            Seats s = l.byExpert.computeIfAbsent(g.get(1).asText(), e -> new Seats(shards));
            s.granted[p]++;
            s.grantedTotal++;
        }
        // the live ledger forgets an expert whose totals are 0: one here would be no live ledger's state
        l.byExpert.forEach((expertId, s) -> require(!s.empty(), "expert " + expertId + " takes no seat"));
        return l;
    }

    private static int shard(int p, int shards) {
        require(p >= 0 && p < shards, "shard " + p + " is not one of " + shards);
        return p;
    }

    private static void require(boolean ok, String why) {
        if (!ok) {
            throw new IllegalArgumentException(why);
        }
    }

    static byte[] bytes(JsonNode n) {
        try {
            return Json.MAPPER.writeValueAsBytes(n);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
