package com.copyguard.cluster;

import com.copyguard.core.engine.TokenShare;
import com.copyguard.json.Json;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.Headers;

/**
 * The records of a gather: a decision one shard cannot take from its own followers alone is taken
 * at one place in the market order from every shard's part. Headers, beside a record's value:
 * <ul>
 * <li>the {@link MarketSeq} stamp: the offset on {@code cg.seq} of a record the sequencer handed
 *     on, the same on every shard, so it names the gather;</li>
 * <li>a {@link #MARKER}: a follow's (or a {@link #markCatchUp catch-up resume}'s) place in the market order, sent by
 *     the sequencer to every shard but the follower's own, naming the expert and the owner;</li>
 * <li>a {@link Share}: one shard's part, sent to {@code cg.seq} in the shard's transaction and
 *     handed on by the sequencer to the shard(s) that decide.</li>
 * </ul>
 * A share is split into parts of at most {@link #CLAIMS_PER_PART} claims, so no record grows with
 * a shard's followers beyond Kafka's message size. Decimals travel as plain strings with their
 * scale, so sums here print as the single node's do.
 */
public final class GatherRecords {
    static final String GATHER = "cg-gather";
    static final String MARKER = "marker";
    static final String SHARE = "share";
    static final String CATCH_UP = "catch-up";
    static final String TO = "cg-gather-to";
    static final String EXPERT = "cg-gather-expert";
    static final String OWNER = "cg-gather-owner";
    /** A share's record carries at most this many claims (about 60 bytes each: well under Kafka's 1 MB). */
    public static final int CLAIMS_PER_PART = 5_000;
    /** {@link Share#to} of a share every shard waits for (an opening fill's token budget). */
    public static final int EVERY_SHARD = -1;

    private GatherRecords() {
    }

    /**
     * Marks a resume that copies the expert's positions, sent to cg.seq by the ingress with its
     * expert: the sequencer hands it to its shard and markers to the others, as for a follow.
     */
    public static void markCatchUp(Headers headers, String expertId) {
        headers.remove(GATHER).add(GATHER, bytes(CATCH_UP));
        headers.remove(EXPERT).add(EXPERT, bytes(expertId));
    }

    /** The expert a catch-up resume on cg.seq names, or null: not a catch-up resume. */
    public static String catchUpExpert(Headers headers) {
        return CATCH_UP.equals(text(headers.lastHeader(GATHER))) ? text(headers.lastHeader(EXPERT)) : null;
    }

    /** A follow's place in the market order on a shard that does not hold the follower. */
    public record Marker(long gather, String expertId, int owner) {
        public void writeTo(Headers headers) {
            headers.remove(GATHER).add(GATHER, bytes(MARKER));
            MarketSeq.writeTo(headers, gather);
            headers.remove(EXPERT).add(EXPERT, bytes(expertId));
            headers.remove(OWNER).add(OWNER, bytes(String.valueOf(owner)));
        }

        /** The marker a record is, or null. */
        public static Marker readFrom(Headers headers) {
            if (!MARKER.equals(text(headers.lastHeader(GATHER)))) {
                return null;
            }
            Long gather = MarketSeq.readFrom(headers);
            return new Marker(gather == null ? -1 : gather, text(headers.lastHeader(EXPERT)),
                    Integer.parseInt(text(headers.lastHeader(OWNER))));
        }
    }

    /** Whether a record on cg.seq is a shard's share (handed on as it is, to {@link #shareTarget}). */
    public static boolean isShare(Headers headers) {
        return SHARE.equals(text(headers.lastHeader(GATHER)));
    }

    /** The shard a share on cg.seq goes to, or {@link #EVERY_SHARD}. */
    public static int shareTarget(Headers headers) {
        String to = text(headers.lastHeader(TO));
        return to == null ? EVERY_SHARD : Integer.parseInt(to);
    }

    /**
     * One part of shard {@code from}'s share of gather {@code gather} for shard {@code to} (or every
     * shard): for an opening fill the token budget's part ({@code token}: following notional held and
     * the copies' claims); for a follow the expert's followers' results here ({@code pnl},
     * {@code followers}, {@code active}) and the following notional held per token-limited symbol
     * ({@code used}).
     */
    public record Share(long gather, int from, int to, int part, int parts, TokenShare token, BigDecimal pnl,
                        int followers, int active, Map<String, BigDecimal> used) {
        public Share {
            used = used == null ? Map.of() : Map.copyOf(used);
        }

        /** The parts of an opening fill's token share (one part, or more when the claims are many). */
        public static List<Share> ofFill(long gather, int from, TokenShare token) {
            List<Share> out = new ArrayList<>();
            List<TokenShare.Claim> claims = token.claims();
            int parts = Math.max(1, (claims.size() + CLAIMS_PER_PART - 1) / CLAIMS_PER_PART);
            for (int p = 0; p < parts; p++) {
                List<TokenShare.Claim> slice = claims.subList(p * CLAIMS_PER_PART,
                        Math.min(claims.size(), (p + 1) * CLAIMS_PER_PART));
                // the notional held counts once: in the first part
                out.add(new Share(gather, from, EVERY_SHARD, p, parts,
                        new TokenShare(p == 0 ? token.used() : BigDecimal.ZERO, slice), null, 0, 0, null));
            }
            return out;
        }

        public void writeTo(Headers headers) {
            headers.remove(GATHER).add(GATHER, bytes(SHARE));
            headers.remove(TO).add(TO, bytes(String.valueOf(to)));
        }

        public byte[] encode() {
            ObjectNode o = Json.object();
            o.put("gather", gather).put("from", from).put("to", to).put("part", part).put("parts", parts);
            if (token != null) {
                ObjectNode t = o.putObject("token");
                t.put("used", token.used().toPlainString());
                ArrayNode claims = t.putArray("claims");
                for (TokenShare.Claim c : token.claims()) {
                    claims.addArray().add(c.startTime()).add(c.followerId()).add(c.notional().toPlainString());
                }
            }
            if (pnl != null) {
                o.put("pnl", pnl.toPlainString());
                o.put("followers", followers).put("active", active);
                ObjectNode u = o.putObject("used");
                new TreeMap<>(used).forEach((symbol, v) -> u.put(symbol, v.toPlainString()));
            }
            try {
                return Json.MAPPER.writeValueAsBytes(o);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        public static Share decode(byte[] value) {
            JsonNode o;
            try {
                o = Json.MAPPER.readTree(value);
            } catch (IOException e) {
                throw new IllegalArgumentException("a gather share that is not JSON", e);
            }
            TokenShare token = null;
            if (o.has("token")) {
                List<TokenShare.Claim> claims = new ArrayList<>();
                for (JsonNode c : o.get("token").get("claims")) {
                    claims.add(new TokenShare.Claim(c.get(0).asLong(), c.get(1).asText(), new BigDecimal(c.get(2).asText())));
                }
                token = new TokenShare(new BigDecimal(o.get("token").get("used").asText()), claims);
            }
            BigDecimal pnl = null;
            Map<String, BigDecimal> used = new TreeMap<>();
            if (o.has("pnl")) {
                pnl = new BigDecimal(o.get("pnl").asText());
                o.get("used").fields().forEachRemaining(e -> used.put(e.getKey(), new BigDecimal(e.getValue().asText())));
            }
            return new Share(o.get("gather").asLong(), o.get("from").asInt(), o.get("to").asInt(), o.get("part").asInt(),
                    o.get("parts").asInt(), token, pnl, o.path("followers").asInt(), o.path("active").asInt(), used);
        }
    }

    private static byte[] bytes(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    private static String text(Header h) {
        return h == null || h.value() == null ? null : new String(h.value(), StandardCharsets.UTF_8);
    }
}
