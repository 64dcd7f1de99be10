package com.copyguard.api;

import com.copyguard.core.refusal.RefusalCode;
import com.copyguard.core.refusal.InputRefused;
import com.copyguard.json.Json;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import io.vertx.core.buffer.Buffer;
import io.vertx.ext.web.RoutingContext;
import java.io.IOException;

/**
 * Parses request bodies with exact decimals before OpenAPI validation runs, so malformed JSON gets
 * its own error code and numbers never pass through binary floating point.
 */
final class JsonBody {
    static final String KEY = "copyguard.json";
    /** Deepest nesting a request may have: the deepest schema (settings.leverage.perSymbol) needs 3. */
    static final int MAX_NESTING_DEPTH = 16;
    /** Longest JSON number text: bounds the cost of parsing it (its size is then checked by Fields). */
    static final int MAX_NUMBER_CHARS = 64;
    /** The request mapper: {@link Json#MAPPER}'s reading features with Jackson's own read limits. */
    private static final ObjectMapper REQUESTS = JsonMapper.builder(JsonFactory.builder()
                    .streamReadConstraints(StreamReadConstraints.builder()
                            .maxNestingDepth(MAX_NESTING_DEPTH)
                            .maxNumberLength(MAX_NUMBER_CHARS)
                            .maxStringLength(HttpApi.MAX_BODY_BYTES)
                            .maxNameLength(256)
                            .build())
                    .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
                    .build())
            .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .build();

    private JsonBody() {
    }

    static void parse(RoutingContext ctx) {
        Buffer body = ctx.body() == null ? null : ctx.body().buffer();
        if (body != null && body.length() > 0) {
            String type = ctx.request().getHeader("content-type");
            if (type == null || !type.toLowerCase(java.util.Locale.ROOT).startsWith("application/json")) {
                ErrorResponder.send(ctx, 415, "UNSUPPORTED_MEDIA_TYPE", "request bodies must be application/json, got "
                        + com.copyguard.core.refusal.InputRefused.quote(type));
                return;
            }
            try {
                ctx.put(KEY, REQUESTS.readTree(body.getBytes()));
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
            throw new InputRefused(RefusalCode.MALFORMED_JSON, "a JSON body is required");
        }
        return node;
    }
}
