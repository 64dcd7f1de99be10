package com.copyguard.cluster;

import java.nio.charset.StandardCharsets;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.Headers;

/**
 * The {@code cg.seq} offset of a market-wide input, as the sequencer stamps it on each copy it
 * forwards to a shard log (header {@code cg-seq}): the one order of the market, which every shard
 * sees alike, so desk-wide lists order their items across shards by it ({@link DeskKey}). Records
 * without it (account commands, reads, and logs written before the stamp existed) have none.
 */
public final class MarketSeq {
    static final String HEADER = "cg-seq";

    private MarketSeq() {
    }

    public static void writeTo(Headers headers, long offset) {
        headers.remove(HEADER);
        headers.add(HEADER, Long.toString(offset).getBytes(StandardCharsets.US_ASCII));
    }

    /** The stamped offset, or null. */
    public static Long readFrom(Headers headers) {
        Header h = headers.lastHeader(HEADER);
        if (h == null || h.value() == null) {
            return null;
        }
        try {
            return Long.parseLong(new String(h.value(), StandardCharsets.US_ASCII));
        } catch (NumberFormatException e) {
            return null; // not a stamp this cluster writes: the record is ordered as unstamped
        }
    }
}
