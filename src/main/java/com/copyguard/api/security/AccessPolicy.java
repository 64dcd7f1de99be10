package com.copyguard.api.security;

import io.vertx.core.http.HttpMethod;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.openapi.contract.OpenAPIContract;
import io.vertx.openapi.contract.Operation;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Every route's access rule, read once from openapi.yaml: the operations' {@code x-roles} /
 * {@code x-follower-scope} / {@code x-public}, and the top-level {@code x-routes-outside-contract}
 * list for routes the contract does not describe (static pages). A request that matches neither
 * is refused, so no route can be reached without a declared rule.
 */
public final class AccessPolicy {
    /** A declared route outside the contract: a path, or with {@code prefix} every path under it. */
    public record ExtraRoute(String path, boolean prefix, AccessRule rule) {
        boolean matches(String requestPath) {
            return prefix ? requestPath.equals(path) || requestPath.startsWith(path.endsWith("/") ? path : path + "/")
                    : requestPath.equals(path);
        }
    }

    private final OpenAPIContract contract;
    private final Map<String, AccessRule> byOperation = new LinkedHashMap<>();
    private final List<ExtraRoute> extraRoutes = new ArrayList<>();

    /** Reads every declaration; IllegalStateException names the first operation without a valid one. */
    public AccessPolicy(OpenAPIContract contract) {
        this.contract = contract;
        for (Operation op : contract.operations()) {
            byOperation.put(op.getOperationId(), AccessRule.declared(op.getOperationId(), op.getExtensions()));
        }
        JsonArray extra = contract.getRawContract().getJsonArray("x-routes-outside-contract", new JsonArray());
        for (int i = 0; i < extra.size(); i++) {
            JsonObject r = extra.getJsonObject(i);
            String path = r.getString("path");
            extraRoutes.add(new ExtraRoute(path, r.getBoolean("prefix", false), AccessRule.declared(path, r.getMap())));
        }
    }

    /** The rule for a request, or null when no operation or declared route matches it. */
    public AccessRule find(HttpMethod method, String path) {
        Operation op = contract.findOperation(path, method);
        if (op != null) {
            return byOperation.get(op.getOperationId());
        }
        for (ExtraRoute r : extraRoutes) {
            if (r.matches(path)) {
                return r.rule();
            }
        }
        return null;
    }

    /**
     * The path parameters of the operation a request names, by the contract's template (the
     * router only parses them later, while validating): {@code /accounts/A7} → {@code {accountId: A7}}.
     */
    public Map<String, String> pathParams(HttpMethod method, String path) {
        Operation op = contract.findOperation(path, method);
        Map<String, String> params = new LinkedHashMap<>();
        if (op == null) {
            return params;
        }
        String[] template = op.getOpenAPIPath().split("/");
        String[] actual = path.split("/");
        for (int i = 0; i < template.length && i < actual.length; i++) {
            if (template[i].startsWith("{") && template[i].endsWith("}")) {
                params.put(template[i].substring(1, template[i].length() - 1),
                        java.net.URLDecoder.decode(actual[i], java.nio.charset.StandardCharsets.UTF_8));
            }
        }
        return params;
    }

    /** Whether the contract has the path at all (with some other method). */
    public boolean knowsPath(String path) {
        return contract.findPath(path) != null;
    }

    public Map<String, AccessRule> operations() {
        return Map.copyOf(byOperation);
    }

    public List<ExtraRoute> extraRoutes() {
        return List.copyOf(extraRoutes);
    }
}
