package com.copyguard.cluster;

import com.copyguard.core.engine.Engine;
import com.copyguard.durability.snapshot.StateHash;
import com.copyguard.json.Json;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;

/**
 * GET /state/hash across the shards, taken at a checkpoint marker: the ingress appends the read
 * (a {@link QueryRecord} of {@link #OPERATION}) to {@link Topics#seq}, the sequencer forwards it to
 * every shard in the market's one order like any market-wide input, and each shard answers it with
 * the single node's {@link StateHash} of its engine and the shard-log offset of the marker (its
 * state holds every record before that offset). Every shard's hash is therefore taken after the
 * same market-wide inputs; a shard's own account commands are those its log holds before the marker.
 * The marker is a read: it changes nothing and recovery skips it, as any query record.
 *
 * <p>The combined hash is the SHA-256 (lower-case hex) of the shards' hashes in shard order, each
 * as its lower-case hex text followed by a line feed ({@code "h0\nh1\n...h(n-1)\n"}, UTF-8).
 */
public final class StateCheckpoint {
    /** The contract's operation id, carried by the marker's query record. */
    public static final String OPERATION = "getStateHash";

    private StateCheckpoint() {
    }

    /** One shard's answer to the marker at shard-log {@code offset}: {@code {shard, offset, hash}}. */
    public static ObjectNode shardAnswer(int shard, long offset, Engine engine) {
        ObjectNode n = Json.object();
        n.put("shard", shard);
        n.put("offset", offset);
        n.put("hash", StateHash.of(engine));
        return n;
    }

    /**
     * The cluster's answer: {@code seq}, the marker's offset on cg.seq; {@code hash}, the combined
     * hash; {@code shards}, each shard's {@code {shard, offset, hash}} in shard order (one per
     * shard, so bounded by the shard count). {@code replies} must be every shard's applied answer.
     */
    public static ObjectNode merge(long seq, List<ShardReply> replies) {
        List<JsonNode> byShard = replies.stream().sorted(Comparator.comparingInt(ShardReply::shard))
                .map(ShardReply::body).toList();
        MessageDigest sha = sha256();
        ArrayNode shards = Json.array();
        for (JsonNode answer : byShard) {
            sha.update((answer.path("hash").asText() + "\n").getBytes(StandardCharsets.UTF_8));
            shards.add(answer);
        }
        ObjectNode n = Json.object();
        n.put("seq", seq);
        n.put("hash", HexFormat.of().formatHex(sha.digest()));
        n.set("shards", shards);
        return n;
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JDK has SHA-256", e);
        }
    }
}
