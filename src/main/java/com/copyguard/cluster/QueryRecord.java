package com.copyguard.cluster;

import com.copyguard.api.ReadOperations;
import com.copyguard.json.Json;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * A read carried on {@link Topics#shardLog} (its {@link Envelope} says {@code query}): the
 * {@link ReadOperations.Request} as JSON. The shard answers it in its reply stream after every
 * earlier record of its log, so a read sent after a write's 2xx sees that write; it changes
 * nothing and recovery skips it.
 */
public final class QueryRecord {
    private QueryRecord() {
    }

    /**
     * A decoded record: the read, the follower results the ingress supplied with it (null: none),
     * and for a desk-wide list's share ({@link #encodeDesk}) {@code {"below": key or null}} (null: not one).
     */
    public record Decoded(ReadOperations.Request request, JsonNode followerResults, JsonNode desk) {
    }

    public static byte[] encode(ReadOperations.Request r) {
        return encode(r, null);
    }

    /**
     * A screening read carrying the experts' follower results summed over the shards
     * ({@link FollowerTotals}), which the answering shard uses in place of its own followers'.
     */
    public static byte[] encode(ReadOperations.Request r, JsonNode followerResults) {
        return encode(r, followerResults, null);
    }

    /**
     * A shard's share of a desk-wide list (GET /decisions or /risk-actions for every shard): its
     * items below {@code below} in the desk order (null: from the newest), each with its key.
     */
    public static byte[] encodeDesk(ReadOperations.Request r, DeskKey below) {
        ObjectNode desk = Json.object();
        desk.set("below", below == null ? desk.nullNode() : below.json());
        return encode(r, null, desk);
    }

    private static byte[] encode(ReadOperations.Request r, JsonNode followerResults, JsonNode desk) {
        ObjectNode n = Json.object();
        n.put("operationId", r.operationId());
        ObjectNode path = n.putObject("path");
        new TreeMap<>(r.path()).forEach(path::put);
        ObjectNode query = n.putObject("query");
        new TreeMap<>(r.query()).forEach((name, values) -> values.forEach(query.withArray(name)::add));
        n.set("body", r.body());
        n.put("followerFilter", r.followerFilter());
        if (followerResults != null) {
            n.set("followerResults", followerResults);
        }
        if (desk != null) {
            n.set("desk", desk);
        }
        try {
            return Json.MAPPER.writeValueAsBytes(n);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static ReadOperations.Request decode(String json) {
        return decodeRecord(json).request();
    }

    public static Decoded decodeRecord(String json) {
        JsonNode n;
        try {
            n = Json.MAPPER.readTree(json);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        Map<String, String> path = new TreeMap<>();
        n.path("path").fields().forEachRemaining(e -> path.put(e.getKey(), e.getValue().asText()));
        Map<String, List<String>> query = new TreeMap<>();
        n.path("query").fields().forEachRemaining(e -> {
            List<String> values = new ArrayList<>();
            e.getValue().forEach(v -> values.add(v.asText()));
            query.put(e.getKey(), List.copyOf(values));
        });
        JsonNode body = n.get("body");
        ReadOperations.Request request = new ReadOperations.Request(n.path("operationId").asText(), path, query,
                body == null || body.isNull() ? null : body, n.path("followerFilter").isTextual()
                        ? n.get("followerFilter").asText() : null);
        JsonNode supplied = n.get("followerResults");
        JsonNode desk = n.get("desk");
        return new Decoded(request, supplied == null || supplied.isNull() ? null : supplied,
                desk == null || !desk.isObject() ? null : desk);
    }

    public static String text(byte[] bytes) {
        return new String(bytes, StandardCharsets.UTF_8);
    }
}
