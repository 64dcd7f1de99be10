package com.copyguard.api;

import com.copyguard.core.refusal.RefusalCode;
import com.copyguard.core.refusal.InputRefused;
import com.copyguard.json.input.InputSchema;
import com.copyguard.core.paging.Cursor;
import com.copyguard.core.paging.PageRequest;
import com.copyguard.core.paging.TimeRange;
import com.fasterxml.jackson.databind.JsonNode;
import io.vertx.core.MultiMap;
import io.vertx.ext.web.RoutingContext;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;

/**
 * The query parameters of one operation, read strictly: only the parameters openapi.yaml declares
 * for it (each at most once), whole numbers as plain digits within the declared bounds, texts
 * within their maxLength, and the shared paging parameters ({@code limit}, {@code cursor},
 * {@code from}, {@code to}) with the default and maximum the contract states.
 */
final class ListQuery {
    private static final Pattern DIGITS = Pattern.compile("[0-9]{1,18}");
    private static final Map<String, Map<String, JsonNode>> DECLARED = new ConcurrentHashMap<>();
    private final Map<String, String> params;
    private final Map<String, JsonNode> declared;

    private ListQuery(Map<String, String> params, Map<String, JsonNode> declared) {
        this.params = params;
        this.declared = declared;
    }

    /** The query of {@code ctx}, checked against {@code operationId}'s declared query parameters. */
    static ListQuery of(RoutingContext ctx, String operationId) {
        return of(values(ctx.queryParams()), operationId);
    }

    /** Every value of every query parameter, by name, in order. */
    static Map<String, List<String>> values(MultiMap params) {
        Map<String, List<String>> out = new TreeMap<>();
        for (String name : params.names()) {
            out.put(name, List.copyOf(params.getAll(name)));
        }
        return out;
    }

    /**
     * A query given as values by name (as {@link #values} reads them; a request carried to another
     * process), checked against {@code operationId}'s declared query parameters.
     */
    static ListQuery of(Map<String, List<String>> values, String operationId) {
        Map<String, JsonNode> declared = DECLARED.computeIfAbsent(operationId, ListQuery::queryParameters);
        Map<String, String> params = new TreeMap<>();
        for (Map.Entry<String, List<String>> e : values.entrySet()) {
            String name = e.getKey();
            if (!declared.containsKey(name)) {
                throw new InputRefused(RefusalCode.UNKNOWN_PARAMETER, "query parameter " + InputRefused.quote(name)
                        + " is not one of " + declared.keySet());
            }
            if (e.getValue().size() > 1) {
                throw new InputRefused(RefusalCode.INVALID_PARAMETER, "query parameter " + name + " is given more than once");
            }
            if (!e.getValue().isEmpty()) {
                params.put(name, e.getValue().get(0));
            }
        }
        return new ListQuery(params, declared);
    }

    PageRequest page() {
        String cursor = text("cursor");
        return new PageRequest(limit(), cursor == null ? Long.MAX_VALUE : Cursor.decode(cursor));
    }

    /**
     * The page of a log a fan-out's reply points into ({@code /decisions}, {@code /risk-actions}):
     * newest first, or oldest first after a reply's first page when the cursor is the one it gave.
     */
    PageRequest pageEitherWay() {
        return Cursor.request(text("cursor"), limit());
    }

    private int limit() {
        JsonNode limitSchema = declared.get("limit").path("schema");
        return (int) number("limit", limitSchema.path("default").asLong());
    }

    TimeRange time() {
        long from = number("from", Long.MIN_VALUE);
        long to = number("to", Long.MAX_VALUE);
        return from == Long.MIN_VALUE && to == Long.MAX_VALUE ? TimeRange.ALL : new TimeRange(from, to);
    }

    /** The parameter's text, null when absent; never longer than its declared maxLength. */
    String text(String name) {
        String value = params.get(name);
        if (value == null) {
            return null;
        }
        long max = declared.get(name).path("schema").path("maxLength").asLong(Long.MAX_VALUE);
        if (value.isEmpty() || value.length() > max) {
            throw new InputRefused(RefusalCode.INVALID_PARAMETER, name + " must be 1 to " + max + " characters, got "
                    + InputRefused.quote(value));
        }
        return value;
    }

    /** A whole-number parameter within its declared bounds, null when absent. */
    Integer integer(String name) {
        return params.get(name) == null ? null : Math.toIntExact(number(name, 0));
    }

    <E extends Enum<E>> E enumValue(String name, Class<E> type) {
        String value = text(name);
        if (value == null) {
            return null;
        }
        for (E e : type.getEnumConstants()) {
            if (e.name().equals(value)) {
                return e;
            }
        }
        throw new InputRefused(RefusalCode.INVALID_PARAMETER, name + " must be one of " + Arrays.toString(type.getEnumConstants())
                + ", got " + InputRefused.quote(value));
    }

    private long number(String name, long fallback) {
        String value = params.get(name);
        if (value == null) {
            return fallback;
        }
        JsonNode schema = declared.get(name).path("schema");
        long min = schema.path("minimum").asLong(Long.MIN_VALUE);
        long max = schema.path("maximum").asLong(Long.MAX_VALUE);
        if (!DIGITS.matcher(value).matches() || Long.parseLong(value) < min || Long.parseLong(value) > max) {
            throw new InputRefused(RefusalCode.INVALID_PARAMETER, name + " must be a whole number from " + min + " to " + max
                    + " in plain digits, got " + InputRefused.quote(value));
        }
        return Long.parseLong(value);
    }

    /** The query parameters openapi.yaml declares for {@code operationId}, by name, $refs resolved. */
    private static Map<String, JsonNode> queryParameters(String operationId) {
        JsonNode contract = InputSchema.contract();
        for (JsonNode path : contract.path("paths")) {
            for (JsonNode operation : path) {
                if (operationId.equals(operation.path("operationId").asText())) {
                    Map<String, JsonNode> out = new TreeMap<>();
                    for (JsonNode p : operation.path("parameters")) {
                        JsonNode resolved = p.has("$ref") ? contract.path("components").path("parameters")
                                .path(p.get("$ref").asText().substring(p.get("$ref").asText().lastIndexOf('/') + 1)) : p;
                        if ("query".equals(resolved.path("in").asText())) {
                            out.put(resolved.path("name").asText(), resolved);
                        }
                    }
                    return Map.copyOf(out);
                }
            }
        }
        throw new IllegalArgumentException("openapi.yaml has no operation " + operationId);
    }
}
