package com.copyguard.json.input;

import com.copyguard.json.Json;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;

/**
 * The request schemas of openapi.yaml, read by the parsers so that each bound is stated once: the
 * property names (anything else is an unknown field), integer {@code minimum}/{@code maximum},
 * string {@code maxLength} and the decimal extensions {@code x-scale} (most decimal places) and
 * {@code x-integer-digits} (most digits before the point). Adding a field to a request is adding it to
 * the contract and reading it in the parser.
 */
public final class InputSchema {
    private static final JsonNode CONTRACT = load();
    private static final JsonNode SCHEMAS = CONTRACT.path("components").path("schemas");
    private static final Map<String, InputSchema> BY_NAME = new ConcurrentHashMap<>();

    private final String name;
    private final JsonNode schema;
    private final Set<String> properties;

    private InputSchema(String name, JsonNode schema) {
        this.name = name;
        this.schema = schema;
        Set<String> names = new LinkedHashSet<>();
        schema.path("properties").fieldNames().forEachRemaining(names::add);
        this.properties = Set.copyOf(names);
    }

    /** The schema {@code components.schemas.<name>} of openapi.yaml. */
    public static InputSchema named(String name) {
        return BY_NAME.computeIfAbsent(name, n -> {
            JsonNode s = SCHEMAS.get(n);
            if (s == null || !s.isObject()) {
                throw new IllegalArgumentException("openapi.yaml has no schema " + n);
            }
            return new InputSchema(n, s);
        });
    }

    /** The whole contract as a tree, for code that reads operations or parameters. */
    public static JsonNode contract() {
        return CONTRACT;
    }

    public String name() {
        return name;
    }

    public Set<String> properties() {
        return properties;
    }

    /** True when fields other than {@link #properties()} are refused ({@code additionalProperties: false}). */
    public boolean closed() {
        JsonNode extra = schema.get("additionalProperties");
        return extra != null && extra.isBoolean() && !extra.asBoolean();
    }

    /** The schema of the object held by {@code field} (through $ref and anyOf), for nested parsers. */
    public InputSchema nested(String field) {
        JsonNode node = property(field);
        for (int depth = 0; node != null && depth < 8; depth++) {
            if (node.has("$ref")) {
                String ref = node.get("$ref").asText();
                return named(ref.substring(ref.lastIndexOf('/') + 1));
            }
            if (node.has("properties") || node.has("additionalProperties")) {
                return new InputSchema(name + "." + field, node);
            }
            JsonNode next = null;
            for (JsonNode part : node.path("anyOf")) {
                if (part.has("$ref") || part.has("properties") || part.has("additionalProperties")) {
                    next = part;
                }
            }
            node = next;
        }
        throw new IllegalArgumentException("openapi.yaml: " + name + "." + field + " is not an object schema");
    }

    /** The value of {@code keyword} for property {@code field}, following $ref, allOf and anyOf; null if none. */
    public JsonNode keyword(String field, String keyword) {
        return find(property(field), keyword, 0);
    }

    /** A long keyword of {@code field} ({@code minimum}, {@code x-scale}, ...), or {@code fallback}. */
    public long number(String field, String keyword, long fallback) {
        JsonNode v = keyword(field, keyword);
        return v == null || !v.canConvertToLong() ? fallback : v.asLong();
    }

    /** The schema of {@code field}: a named property, else the schema every other property has. */
    private JsonNode property(String field) {
        JsonNode p = schema.path("properties").get(field);
        if (p != null) {
            return p;
        }
        JsonNode extra = schema.get("additionalProperties");
        return extra != null && extra.isObject() ? extra : null;
    }

    private static JsonNode resolve(JsonNode node) {
        String ref = node.get("$ref").asText();
        return SCHEMAS.path(ref.substring(ref.lastIndexOf('/') + 1));
    }

    private static JsonNode find(JsonNode node, String keyword, int depth) {
        if (node == null || node.isMissingNode() || depth > 8) {
            return null;
        }
        if (node.has(keyword)) {
            return node.get(keyword);
        }
        if (node.has("$ref")) {
            return find(resolve(node), keyword, depth + 1);
        }
        for (String combinator : new String[] {"allOf", "anyOf", "oneOf"}) {
            for (JsonNode part : node.path(combinator)) {
                JsonNode found = find(part, keyword, depth + 1);
                if (found != null) {
                    return found;
                }
            }
        }
        return null;
    }

    private static JsonNode load() {
        try (InputStream in = InputSchema.class.getClassLoader().getResourceAsStream("openapi.yaml")) {
            if (in == null) {
                throw new IllegalStateException("openapi.yaml missing from the classpath");
            }
            Object tree = new Yaml(new LoaderOptions()).load(in);
            return Json.MAPPER.valueToTree(tree);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
