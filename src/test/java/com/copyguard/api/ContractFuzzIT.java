package com.copyguard.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.copyguard.json.input.InputSchema;
import com.copyguard.json.Json;
import com.copyguard.testing.ApiClient;
import com.copyguard.testing.ApiClient.Response;
import com.copyguard.testing.RunningService;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.statistics.Statistics;
import net.jqwik.api.lifecycle.AfterContainer;
import net.jqwik.api.lifecycle.AfterProperty;
import net.jqwik.api.lifecycle.BeforeContainer;

/**
 * Malformed and extreme requests generated from openapi.yaml, sent to every operation of a real
 * service over HTTP. For each operation the test builds a valid body from the operation's schema and
 * breaks it in one way (wrong type, extreme number, over-long string, deep nesting, unknown field,
 * bad enum, missing field, oversize or malformed body, wrong content type), or breaks its path or
 * query (bad percent-escapes, huge path, bad limit/cursor/time, unknown parameter), choosing among
 * the breakages the operation has a place for (one without one falls back to a bad percent-escape). Every request
 * must get a 4xx with a JSON error code and a body under 4 KB; afterwards the state hash is unchanged
 * and the service is ready.
 *
 * <p>Each try sends {@code copyguard.fuzz.batch} requests (default 5, so 2,000 requests by default);
 * {@code -Dcopyguard.fuzz.batch=50} makes a long run of 20,000.
 */
class ContractFuzzIT {
    private static final int BATCH = Integer.getInteger("copyguard.fuzz.batch", 5);
    private static final int MAX_ERROR_BYTES = 4096;
    /** Ids of what the setup creates, so that broken requests reach existing entities, not just 404s. */
    private static final Map<String, String> PATH_IDS = Map.of("expertId", "alice", "subscriptionId", "S1",
            "accountId", "A1", "symbol", "BTCUSDT");
    private static final String[] EXTREME_NUMBERS = {"1e999999999", "-1e999999999", "1e-999999999",
            "123456789012345678901234567890", "0.000000000000000000001", "1.00000000000000000001", "-0.1e-50"};
    private static final String[] BAD_LIMITS = {"1e3", "10.0", "%205", "-1", "0", "1001", "99999999999999999999999",
            "0x10", "", "%ZZ", "1%00"};
    private static final String[] BAD_TIMES = {"1e3", "10.0", "%205", "-1", "99999999999999999999999", "0x10", "",
            "%ZZ", "1%00", "1000000000000000"};

    private static RunningService service;
    private static ApiClient api;
    private static JsonNode hashBefore;
    private static final List<Operation> OPERATIONS = operations();

    enum Breakage {
        UNKNOWN_FIELD, WRONG_TYPE, EXTREME_NUMBER, LONG_STRING, DEEP_NESTING, BAD_ENUM, MISSING_REQUIRED,
        OVERSIZE_BODY, MALFORMED_JSON, WRONG_CONTENT_TYPE, BAD_ESCAPE_QUERY, BAD_ESCAPE_PATH, LONG_PATH,
        BAD_QUERY_VALUE, UNKNOWN_QUERY_PARAMETER
    }

    /** One operation of the contract: method, path template, its body schema (or null), its query parameters. */
    record Operation(String id, String method, String path, JsonNode bodySchema, List<JsonNode> queryParameters) {
        @Override
        public String toString() {
            return method + " " + path;
        }
    }

    /** A broken request, as sent. */
    record Sent(String method, String target, String contentType, byte[] body, String what) {
        @Override
        public String toString() {
            String shown = body == null ? "" : new String(body, 0, Math.min(body.length, 200), StandardCharsets.UTF_8);
            return what + ": " + method + " " + target.substring(0, Math.min(200, target.length())) + " " + shown;
        }
    }

    @BeforeContainer
    static void start() {
        service = RunningService.start();
        api = service.api();
        assertThat(api.put("/experts/alice", "{\"equity\":\"1000\"}").status()).isEqualTo(201);
        assertThat(api.post("/subscriptions", "{\"followerId\":\"bob\",\"expertId\":\"alice\",\"mode\":\"MULTIPLIER\","
                + "\"multiplier\":\"0.1\",\"amount\":\"100\",\"time\":1700000000000}").status()).isEqualTo(201);
        hashBefore = api.get("/state/hash").body();
    }

    @AfterContainer
    static void stop() {
        if (service != null) {
            service.close();
        }
    }

    @Property(tries = 400)
    void everyBrokenRequestGetsASmallJson4xx(@ForAll("brokenRequests") List<Sent> requests) {
        for (Sent r : requests) {
            Response reply = api.raw(r.method(), r.target(), r.contentType(), r.body());
            Statistics.label("breakage").collect(r.what());
            Statistics.label("status").collect(reply.status());
            assertThat(reply.status()).as("%s%n-> %s", r, reply.raw()).isBetween(400, 499);
            assertThat(reply.raw().getBytes(StandardCharsets.UTF_8).length).as("%s", r).isLessThan(MAX_ERROR_BYTES);
            assertThat(reply.body()).as("%s%n-> %s", r, reply.raw()).isNotNull();
            assertThat(reply.body().path("error").isTextual()).as("%s%n-> %s", r, reply.raw()).isTrue();
            assertThat(reply.body().path("message").isTextual()).as("%s%n-> %s", r, reply.raw()).isTrue();
        }
    }

    @AfterProperty
    void nothingChangedAndTheServiceIsReady() {
        assertThat(api.get("/state/hash").body()).isEqualTo(hashBefore);
        assertThat(api.get("/health/ready").status()).isEqualTo(200);
    }

    @Provide
    Arbitrary<List<Sent>> brokenRequests() {
        Arbitrary<Sent> one = Arbitraries.of(OPERATIONS).flatMap(op -> Combinators.combine(Arbitraries.just(op),
                Arbitraries.of(applicable(op)), Arbitraries.integers().between(0, 1_000_000),
                Arbitraries.strings().ofMinLength(1).ofMaxLength(40)).as(ContractFuzzIT::broken));
        return one.list().ofSize(BATCH);
    }

    /** The breakages that have a place in {@code op}: body ones need a body, path ones a path parameter, ... */
    static List<Breakage> applicable(Operation op) {
        List<Breakage> out = new ArrayList<>(List.of(Breakage.BAD_ESCAPE_QUERY));
        if (op.bodySchema() != null) {
            out.addAll(List.of(Breakage.UNKNOWN_FIELD, Breakage.WRONG_TYPE, Breakage.EXTREME_NUMBER, Breakage.LONG_STRING,
                    Breakage.DEEP_NESTING, Breakage.BAD_ENUM, Breakage.MISSING_REQUIRED, Breakage.OVERSIZE_BODY,
                    Breakage.MALFORMED_JSON, Breakage.WRONG_CONTENT_TYPE));
        }
        if (op.path().contains("{")) {
            out.addAll(List.of(Breakage.BAD_ESCAPE_PATH, Breakage.LONG_PATH));
        }
        if (!op.queryParameters().isEmpty()) {
            out.addAll(List.of(Breakage.BAD_QUERY_VALUE, Breakage.UNKNOWN_QUERY_PARAMETER));
        }
        return out;
    }

    static Sent broken(Operation op, Breakage breakage, int seed, String junk) {
        String path = fillPath(op.path(), null);
        ObjectNode body = op.bodySchema() == null ? null : (ObjectNode) validValue(op.bodySchema(), 0);
        switch (breakage) {
            case UNKNOWN_FIELD -> {
                if (body != null && closed(op.bodySchema())) {
                    body.put("zz" + Math.abs(junk.hashCode()), 1);
                    return json(op, path, body.toString(), breakage);
                }
            }
            case WRONG_TYPE -> {
                String field = pick(properties(op.bodySchema()), seed);
                if (field != null) {
                    body.set(field, wrongType(property(op.bodySchema(), field), seed));
                    return json(op, path, body.toString(), breakage);
                }
            }
            case EXTREME_NUMBER -> {
                String field = pick(numericProperties(op.bodySchema()), seed);
                if (field != null) {
                    body.put(field, "__EXTREME__");
                    String text = body.toString().replace("\"__EXTREME__\"", EXTREME_NUMBERS[seed % EXTREME_NUMBERS.length]);
                    return json(op, path, text, breakage);
                }
            }
            case LONG_STRING -> {
                String field = pick(boundedStringProperties(op.bodySchema()), seed);
                if (field != null) {
                    JsonNode max = resolved(property(op.bodySchema(), field)).get("maxLength");
                    int length = (max == null ? 128 : max.asInt()) + 1 + seed % 100_000;
                    body.put(field, junk.repeat(length / junk.length() + 1));
                    return json(op, path, body.toString(), breakage);
                }
            }
            case DEEP_NESTING -> {
                if (body != null) {
                    int depth = 20 + seed % 2000;
                    return json(op, path, "{\"deep\":" + "[".repeat(depth) + "]".repeat(depth) + "}", breakage);
                }
            }
            case BAD_ENUM -> {
                String field = pick(enumProperties(op.bodySchema()), seed);
                if (field != null) {
                    body.put(field, "NOT_" + junk);
                    return json(op, path, body.toString(), breakage);
                }
            }
            case MISSING_REQUIRED -> {
                String field = pick(required(op.bodySchema()), seed);
                if (field != null) {
                    body.remove(field);
                    return json(op, path, body.toString(), breakage);
                }
            }
            case OVERSIZE_BODY -> {
                if (body != null) {
                    int size = HttpApi.MAX_BODY_BYTES + 1 + seed % 100_000;
                    return json(op, path, "{\"big\":\"" + "a".repeat(size) + "\"}", breakage);
                }
            }
            case MALFORMED_JSON -> {
                if (body != null) {
                    String text = body.toString();
                    return json(op, path, text.substring(0, seed % text.length()) + junk.replace("\"", ""), breakage);
                }
            }
            case WRONG_CONTENT_TYPE -> {
                if (body != null) {
                    return new Sent(op.method(), path, seed % 2 == 0 ? "text/plain" : "application/x-www-form-urlencoded",
                            body.toString().getBytes(StandardCharsets.UTF_8), breakage.name());
                }
            }
            case BAD_ESCAPE_PATH -> {
                if (op.path().contains("{")) {
                    return send(op, fillPath(op.path(), seed % 2 == 0 ? "%ZZ" : "a%G1b"), body, breakage);
                }
            }
            case LONG_PATH -> {
                if (op.path().contains("{")) {
                    return send(op, fillPath(op.path(), "p".repeat(9_000 + seed % 20_000)), body, breakage);
                }
            }
            case BAD_QUERY_VALUE -> {
                JsonNode p = pickParameter(op, seed);
                if (p != null) {
                    return send(op, path + "?" + p.path("name").asText() + "=" + badQueryValue(p, seed, junk), body, breakage);
                }
            }
            case UNKNOWN_QUERY_PARAMETER -> {
                if (!op.queryParameters().isEmpty()) {
                    return send(op, path + "?zz" + Math.abs(junk.hashCode()) + "=1", body, breakage);
                }
            }
            case BAD_ESCAPE_QUERY -> {
                // below, also the fallback of every breakage the operation has no place for
            }
        }
        String[] escapes = {"%ZZ", "%", "%4", "a=%ZZ", "limit=%G0", "x=%E0%A4%A"};
        return send(op, path + "?" + escapes[seed % escapes.length], body, Breakage.BAD_ESCAPE_QUERY);
    }

    private static Sent send(Operation op, String target, ObjectNode body, Breakage breakage) {
        return new Sent(op.method(), target, body == null ? null : "application/json",
                body == null ? null : body.toString().getBytes(StandardCharsets.UTF_8), breakage.name());
    }

    private static Sent json(Operation op, String path, String body, Breakage breakage) {
        return new Sent(op.method(), path, "application/json", body.getBytes(StandardCharsets.UTF_8), breakage.name());
    }

    private static String badQueryValue(JsonNode parameter, int seed, String junk) {
        JsonNode schema = parameter.path("schema");
        if ("limit".equals(parameter.path("name").asText())) {
            return BAD_LIMITS[seed % BAD_LIMITS.length];
        }
        if ("integer".equals(schema.path("type").asText())) {
            return BAD_TIMES[seed % BAD_TIMES.length];
        }
        if ("cursor".equals(parameter.path("name").asText())) {
            return seed % 2 == 0 ? "cDEuLTE" : java.net.URLEncoder.encode(junk, StandardCharsets.UTF_8) + "!";
        }
        if (schema.has("enum") || List.of("outcome", "reason", "type").contains(parameter.path("name").asText())) {
            return "NOT_" + java.net.URLEncoder.encode(junk, StandardCharsets.UTF_8);
        }
        return "x".repeat(schema.path("maxLength").asInt(64) + 1);
    }

    private static JsonNode pickParameter(Operation op, int seed) {
        return op.queryParameters().isEmpty() ? null : op.queryParameters().get(seed % op.queryParameters().size());
    }

    private static String fillPath(String template, String replacement) {
        StringBuilder out = new StringBuilder();
        int i = 0;
        while (i < template.length()) {
            int open = template.indexOf('{', i);
            if (open < 0) {
                out.append(template, i, template.length());
                break;
            }
            int close = template.indexOf('}', open);
            out.append(template, i, open);
            String name = template.substring(open + 1, close);
            out.append(replacement != null ? replacement : PATH_IDS.getOrDefault(name, "x"));
            i = close + 1;
        }
        return out.toString();
    }

    // ----- reading the contract -----

    private static List<Operation> operations() {
        JsonNode contract = InputSchema.contract();
        List<Operation> out = new ArrayList<>();
        for (Iterator<Map.Entry<String, JsonNode>> paths = contract.path("paths").fields(); paths.hasNext(); ) {
            Map.Entry<String, JsonNode> path = paths.next();
            for (Iterator<Map.Entry<String, JsonNode>> ops = path.getValue().fields(); ops.hasNext(); ) {
                Map.Entry<String, JsonNode> op = ops.next();
                if (!op.getValue().has("operationId")) {
                    continue;
                }
                JsonNode schema = op.getValue().path("requestBody").path("content").path("application/json").get("schema");
                List<JsonNode> query = new ArrayList<>();
                for (JsonNode p : op.getValue().path("parameters")) {
                    JsonNode r = p.has("$ref") ? ref(p) : p;
                    if ("query".equals(r.path("in").asText())) {
                        query.add(r);
                    }
                }
                out.add(new Operation(op.getValue().get("operationId").asText(), op.getKey().toUpperCase(),
                        path.getKey(), schema == null ? null : resolved(schema), query));
            }
        }
        assertThat(out).hasSizeGreaterThan(30);
        return List.copyOf(out);
    }

    private static JsonNode ref(JsonNode node) {
        String[] parts = node.get("$ref").asText().substring(2).split("/");
        JsonNode at = InputSchema.contract();
        for (String part : parts) {
            at = at.path(part);
        }
        return at;
    }

    /** The schema with $ref followed and, for anyOf/allOf, its first object or typed member. */
    private static JsonNode resolved(JsonNode schema) {
        JsonNode s = schema;
        for (int i = 0; i < 8 && s != null; i++) {
            if (s.has("$ref")) {
                s = ref(s);
            } else if (s.has("allOf") && !s.has("type")) {
                s = s.get("allOf").get(0);
            } else if (s.has("anyOf") && !s.has("type")) {
                JsonNode first = null;
                for (JsonNode part : s.get("anyOf")) {
                    if (!"null".equals(part.path("type").asText())) {
                        first = part;
                        break;
                    }
                }
                s = first;
            } else {
                return s;
            }
        }
        return s;
    }

    private static boolean closed(JsonNode objectSchema) {
        return objectSchema.path("additionalProperties").isBoolean() && !objectSchema.path("additionalProperties").asBoolean();
    }

    private static JsonNode property(JsonNode objectSchema, String name) {
        return objectSchema.path("properties").path(name);
    }

    private static List<String> properties(JsonNode objectSchema) {
        List<String> out = new ArrayList<>();
        if (objectSchema != null) {
            objectSchema.path("properties").fieldNames().forEachRemaining(out::add);
        }
        return out;
    }

    private static List<String> required(JsonNode objectSchema) {
        List<String> out = new ArrayList<>();
        if (objectSchema != null) {
            objectSchema.path("required").forEach(n -> out.add(n.asText()));
        }
        return out;
    }

    /** Properties holding numbers: decimals (string or number) and integers. */
    private static List<String> numericProperties(JsonNode objectSchema) {
        return properties(objectSchema).stream().filter(p -> {
            JsonNode r = resolved(property(objectSchema, p));
            return r != null && ("integer".equals(r.path("type").asText()) || "number".equals(r.path("type").asText())
                    || r.has("anyOf") || isDecimal(property(objectSchema, p)));
        }).toList();
    }

    /** A decimal field: a $ref (directly or in anyOf/allOf) to Decimal or one of its kinds. */
    private static boolean isDecimal(JsonNode schema) {
        List<JsonNode> refs = new ArrayList<>();
        refs.add(schema.path("$ref"));
        schema.path("anyOf").forEach(p -> refs.add(p.path("$ref")));
        schema.path("allOf").forEach(p -> refs.add(p.path("$ref")));
        return refs.stream().map(JsonNode::asText).anyMatch(ref -> List.of("Decimal", "Money", "Price", "Quantity", "Ratio")
                .contains(ref.substring(ref.lastIndexOf('/') + 1)));
    }

    private static List<String> boundedStringProperties(JsonNode objectSchema) {
        return properties(objectSchema).stream().filter(p -> {
            JsonNode r = resolved(property(objectSchema, p));
            return r != null && "string".equals(r.path("type").asText()) && (r.has("maxLength") || r.has("enum"));
        }).toList();
    }

    private static List<String> enumProperties(JsonNode objectSchema) {
        return properties(objectSchema).stream().filter(p -> {
            JsonNode r = resolved(property(objectSchema, p));
            return r != null && r.has("enum");
        }).toList();
    }

    private static String pick(List<String> options, int seed) {
        return options.isEmpty() ? null : options.get(seed % options.size());
    }

    /** A value no schema of this property accepts: a JSON type it does not allow. */
    private static JsonNode wrongType(JsonNode propertySchema, int seed) {
        String text = propertySchema.toString();
        JsonNode r = resolved(propertySchema);
        String type = r == null ? "" : r.path("type").toString();
        List<JsonNode> candidates = new ArrayList<>();
        candidates.add(Json.MAPPER.createObjectNode().put("x", 1));
        candidates.add(Json.MAPPER.createArrayNode().add(1));
        candidates.add(Json.MAPPER.getNodeFactory().booleanNode(true));
        if (type.contains("object") || type.contains("array")) {
            candidates.removeIf(n -> (n.isObject() && type.contains("object")) || (n.isArray() && type.contains("array")));
            candidates.add(Json.MAPPER.getNodeFactory().numberNode(7));
        }
        if (type.contains("boolean")) {
            candidates.removeIf(JsonNode::isBoolean);
            candidates.add(Json.MAPPER.getNodeFactory().textNode("yes"));
        }
        if (text.contains("additionalProperties\":{")) {
            candidates.removeIf(JsonNode::isObject);
        }
        return candidates.get(seed % candidates.size());
    }

    /** A value the schema accepts (requests are then broken in exactly one place). */
    private static JsonNode validValue(JsonNode schema, int depth) {
        JsonNode r = resolved(schema);
        if (isDecimal(schema)) {
            return Json.MAPPER.getNodeFactory().textNode("1");
        }
        if (r == null) {
            return Json.MAPPER.getNodeFactory().textNode("1");
        }
        if (r.has("enum")) {
            return r.get("enum").get(0);
        }
        String type = r.path("type").isArray() ? r.path("type").get(0).asText() : r.path("type").asText();
        switch (type) {
            case "integer" -> {
                long min = r.path("minimum").asLong(1);
                return Json.MAPPER.getNodeFactory().numberNode(min == 0 ? 1_700_000_000_000L : min);
            }
            case "boolean" -> {
                return Json.MAPPER.getNodeFactory().booleanNode(false);
            }
            case "array" -> {
                ArrayNode a = Json.MAPPER.createArrayNode();
                a.add(validValue(r.path("items"), depth + 1));
                return a;
            }
            case "object" -> {
                ObjectNode o = Json.MAPPER.createObjectNode();
                for (JsonNode name : r.path("required")) {
                    o.set(name.asText(), validValue(property(r, name.asText()), depth + 1));
                }
                return o;
            }
            default -> {
                return Json.MAPPER.getNodeFactory().textNode("BTCUSDT");
            }
        }
    }
}
