package com.copyguard.cluster;

import java.nio.charset.StandardCharsets;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.Headers;

/**
 * What travels with an input's journal JSON on {@link Topics#SEQ} and {@link Topics#SHARD_LOG}, as
 * record headers: the request it answers, how many shard answers make its reply, (for a caller
 * confined to one follower) the follower whose subscription or account it must touch, and whether
 * the record is a read ({@code query}: a {@link QueryRecord} instead of an input, answered and
 * never applied), and whether it is a rule authoring record ({@code rules}: a {@link RuleRecord}
 * instead of a journal command or a read; with {@code query} it is answered and never replayed).
 */
public record Envelope(String requestId, int parts, String confinedTo, boolean query, boolean rules) {
    static final String REQUEST = "cg-request";
    static final String PARTS = "cg-parts";
    static final String CONFINED_TO = "cg-confined-to";
    static final String QUERY = "cg-query";
    static final String RULES = "cg-rules";

    /** The envelope of an input (not a read). */
    public Envelope(String requestId, int parts, String confinedTo) {
        this(requestId, parts, confinedTo, false, false);
    }

    /** The envelope of an input ({@code query} false) or a read, neither a rule authoring record. */
    public Envelope(String requestId, int parts, String confinedTo, boolean query) {
        this(requestId, parts, confinedTo, query, false);
    }

    public void writeTo(Headers headers) {
        headers.remove(REQUEST).remove(PARTS).remove(CONFINED_TO).remove(QUERY).remove(RULES);
        headers.add(REQUEST, bytes(requestId));
        headers.add(PARTS, bytes(String.valueOf(parts)));
        if (confinedTo != null) {
            headers.add(CONFINED_TO, bytes(confinedTo));
        }
        if (query) {
            headers.add(QUERY, bytes("1"));
        }
        if (rules) {
            headers.add(RULES, bytes("1"));
        }
    }

    public Envelope withParts(int n) {
        return new Envelope(requestId, n, confinedTo, query, rules);
    }

    public static Envelope readFrom(Headers headers) {
        String parts = text(headers.lastHeader(PARTS));
        return new Envelope(text(headers.lastHeader(REQUEST)), parts == null ? 1 : Integer.parseInt(parts),
                text(headers.lastHeader(CONFINED_TO)), headers.lastHeader(QUERY) != null, headers.lastHeader(RULES) != null);
    }

    private static byte[] bytes(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    private static String text(Header h) {
        return h == null || h.value() == null ? null : new String(h.value(), StandardCharsets.UTF_8);
    }
}
