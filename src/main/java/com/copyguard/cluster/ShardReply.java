package com.copyguard.cluster;

import com.copyguard.engine.Json;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/**
 * One shard's answer to one input, as written to {@link Topics#REPLIES} in the shard's
 * transaction: {@code parts} answers make the whole reply (1 for an account command, every shard
 * for a market-wide input).
 */
public record ShardReply(String requestId, int shard, int parts, int status, JsonNode body) {

    public byte[] encode() {
        ObjectNode n = Json.object();
        n.put("requestId", requestId).put("shard", shard).put("parts", parts).put("status", status);
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
                    n.path("status").asInt(), n.get("body"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static ShardReply error(String requestId, int shard, int parts, int status, String code, String message) {
        return new ShardReply(requestId, shard, parts, status, Json.object().put("error", code).put("message", message));
    }
}
