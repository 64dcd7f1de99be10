package com.copyguard.server;

import com.copyguard.command.ApiException;
import com.copyguard.engine.Json;
import com.fasterxml.jackson.databind.JsonNode;
import io.vertx.core.buffer.Buffer;
import io.vertx.ext.web.RoutingContext;
import java.io.IOException;

/**
 * Parses request bodies with exact decimals before OpenAPI validation runs, so malformed JSON gets
 * its own error code and numbers never pass through binary floating point.
 */
final class JsonBody {
    static final String KEY = "copyguard.json";

    private JsonBody() {
    }

    static void parse(RoutingContext ctx) {
        Buffer body = ctx.body() == null ? null : ctx.body().buffer();
        if (body != null && body.length() > 0) {
            try {
                ctx.put(KEY, Json.MAPPER.readTree(body.getBytes()));
            } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
                ErrorResponder.send(ctx, 400, "MALFORMED_JSON", "request body is not valid JSON: "
                        + e.getOriginalMessage());
                return;
            } catch (IOException e) {
                ErrorResponder.send(ctx, 400, "MALFORMED_JSON", "request body is not readable: " + e.getMessage());
                return;
            }
        }
        ctx.next();
    }

    static JsonNode of(RoutingContext ctx) {
        JsonNode node = ctx.get(KEY);
        if (node == null) {
            throw new ApiException(400, "MALFORMED_JSON", "a JSON body is required");
        }
        return node;
    }
}
