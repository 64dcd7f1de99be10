package com.copyguard.cluster;

import java.nio.charset.StandardCharsets;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.Headers;

/**
 * What travels with an input's journal JSON on {@link Topics#SEQ} and {@link Topics#SHARD_LOG}, as
 * record headers: the request it answers, how many shard answers make its reply, and (for a caller
 * confined to one follower) the follower whose subscription or account it must touch.
 */
public record Envelope(String requestId, int parts, String confinedTo) {
    static final String REQUEST = "cg-request";
    static final String PARTS = "cg-parts";
    static final String CONFINED_TO = "cg-confined-to";

    public void writeTo(Headers headers) {
        headers.remove(REQUEST).remove(PARTS).remove(CONFINED_TO);
        headers.add(REQUEST, bytes(requestId));
        headers.add(PARTS, bytes(String.valueOf(parts)));
        if (confinedTo != null) {
            headers.add(CONFINED_TO, bytes(confinedTo));
        }
    }

    public Envelope withParts(int n) {
        return new Envelope(requestId, n, confinedTo);
    }

    public static Envelope readFrom(Headers headers) {
        String parts = text(headers.lastHeader(PARTS));
        return new Envelope(text(headers.lastHeader(REQUEST)), parts == null ? 1 : Integer.parseInt(parts),
                text(headers.lastHeader(CONFINED_TO)));
    }

    private static byte[] bytes(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    private static String text(Header h) {
        return h == null || h.value() == null ? null : new String(h.value(), StandardCharsets.UTF_8);
    }
}
