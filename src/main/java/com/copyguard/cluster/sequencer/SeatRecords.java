package com.copyguard.cluster.sequencer;

import com.copyguard.json.Json;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.TreeMap;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.Headers;

/**
 * The records of the seat path, as headers beside an input's journal JSON. A follow goes to
 * {@code cg.seq} marked {@link #FOLLOW}; the sequencer hands it to the follower's shard with its
 * {@link Grant} (the follow's {@code cg.seq} offset and the seats the other shards hold); the shard
 * answers every grant, and every change of an expert's follower count, with a {@link Report} on
 * {@code cg.seq} in the same transaction as its reply.
 */
public final class SeatRecords {
    static final String KIND = "cg-kind";
    static final String FOLLOW = "follow";
    static final String REPORT = "seats";
    static final String GRANT = "cg-seat-grant";
    static final String ELSEWHERE = "cg-seats-elsewhere";

    private SeatRecords() {
    }

    /** Marks a follow sent to {@code cg.seq}: the sequencer grants it a seat before its shard applies it. */
    public static void markFollow(Headers headers) {
        headers.remove(KIND).add(KIND, bytes(FOLLOW));
    }

    static boolean isFollow(Headers headers) {
        return FOLLOW.equals(text(headers.lastHeader(KIND)));
    }

    static boolean isReport(Headers headers) {
        return REPORT.equals(text(headers.lastHeader(KIND)));
    }

    /**
     * A seat handed over with a follow: {@code id} is the follow's offset on {@code cg.seq} (unique,
     * and the same when the sequencer replays), {@code elsewhere} the followers of the expert that the
     * other shards hold or have been granted.
     */
    public record Grant(long id, int elsewhere) {
        void writeTo(Headers headers) {
            headers.add(GRANT, bytes(String.valueOf(id))).add(ELSEWHERE, bytes(String.valueOf(elsewhere)));
        }

        /** The grant a shard-log record carries, or null (not a follow handed over by the sequencer). */
        public static Grant readFrom(Headers headers) {
            String id = text(headers.lastHeader(GRANT));
            return id == null ? null : new Grant(Long.parseLong(id), Integer.parseInt(text(headers.lastHeader(ELSEWHERE))));
        }
    }

    /**
     * What shard {@code shard} reports after applying its log's record at {@code offset}: the grant
     * it answered (null: none) and the followers it now holds of each expert whose count changed (the
     * granted follow's expert always). Counts are absolute, so a report read twice changes nothing;
     * the sequencer also drops a report whose offset it has seen from that shard.
     */
    public record Report(int shard, long offset, Long grant, Map<String, Integer> followers) {
        public Report {
            followers = Map.copyOf(followers);
        }

        /** The record value; {@link #mark} goes on its headers. */
        public byte[] encode() {
            ObjectNode n = Json.object().put("shard", shard).put("offset", offset);
            if (grant != null) {
                n.put("grant", grant);
            }
            ObjectNode counts = n.putObject("followers");
            new TreeMap<>(followers).forEach(counts::put);
            try {
                return Json.MAPPER.writeValueAsBytes(n);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        public static void mark(Headers headers) {
            headers.add(KIND, bytes(REPORT));
        }

        static Report decode(byte[] value) {
            try {
                JsonNode n = Json.MAPPER.readTree(value);
                Map<String, Integer> counts = new TreeMap<>();
                n.path("followers").fields().forEachRemaining(e -> counts.put(e.getKey(), e.getValue().asInt()));
                return new Report(n.path("shard").asInt(), n.path("offset").asLong(),
                        n.hasNonNull("grant") ? n.get("grant").asLong() : null, counts);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }

    private static byte[] bytes(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    private static String text(Header h) {
        return h == null || h.value() == null ? null : new String(h.value(), StandardCharsets.UTF_8);
    }
}
