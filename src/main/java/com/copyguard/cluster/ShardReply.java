package com.copyguard.cluster;

import com.copyguard.json.Json;
import com.copyguard.core.refusal.RefusalCode;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/**
 * One shard's answer to one input, as written to {@link Topics#replies} in the shard's
 * transaction: {@code parts} answers make the whole reply (1 for an account command, every shard
 * for a market-wide input). An applied input carries the engine's status and body; a refused one
 * its {@link RefusalCode} (status 0) and the error body: its HTTP status is decided at the edge.
 */
public record ShardReply(String requestId, int shard, int parts, int status, JsonNode body, RefusalCode refusal) {

    public boolean refused() {
        return refusal != null;
    }

    public byte[] encode() {
        ObjectNode n = Json.object();
        n.put("requestId", requestId).put("shard", shard).put("parts", parts).put("status", status);
        if (refusal != null) {
            n.put("refusal", refusal.name());
        }
        n.set("body", body);
        try {
            return Json.MAPPER.writeValueAsBytes(n);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static ShardReply decode(byte[] bytes) {
        try {
            JsonNode n = Json.MAPPER.readTree(new String(bytes, StandardCharsets.UTF_8));
            return new ShardReply(n.path("requestId").asText(), n.path("shard").asInt(), n.path("parts").asInt(1),
                    n.path("status").asInt(), n.get("body"),
                    n.hasNonNull("refusal") ? RefusalCode.valueOf(n.get("refusal").asText()) : null);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static ShardReply refused(String requestId, int shard, int parts, RefusalCode refusal, String code,
                                     String message) {
        return new ShardReply(requestId, shard, parts, 0, Json.object().put("error", code).put("message", message), refusal);
    }
}
