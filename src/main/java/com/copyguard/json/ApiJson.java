package com.copyguard.json;

import com.copyguard.json.Json;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.UncheckedIOException;

/**
 * The JSON of answers: the engine's results and views (records of domain values) serialized by
 * Jackson with {@link ApiModule}: decimals as plain-notation strings, enums by name, fields in
 * record order, absent fields where the contract omits them. JSON trees pass through unchanged.
 */
public final class ApiJson {
    public static final ObjectMapper MAPPER = Json.MAPPER.copy().registerModule(new ApiModule());

    private ApiJson() {
    }

    public static byte[] bytes(Object answer) {
        try {
            return MAPPER.writeValueAsBytes(answer);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** {@code answer} as a JSON tree (for callers that compare or embed answers). */
    public static JsonNode tree(Object answer) {
        return MAPPER.valueToTree(answer);
    }
}
