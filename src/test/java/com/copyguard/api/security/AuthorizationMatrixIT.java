package com.copyguard.api.security;

import static com.copyguard.testing.EventTimes.T0;

import static org.assertj.core.api.Assertions.assertThat;

import com.copyguard.testing.ApiClient;
import com.copyguard.testing.ApiClient.Response;
import com.copyguard.testing.RunningService;
import com.copyguard.testing.Scenario;
import io.vertx.core.Vertx;
import io.vertx.openapi.contract.OpenAPIContract;
import io.vertx.openapi.contract.Operation;
import io.vertx.openapi.contract.Parameter;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.assertj.core.api.SoftAssertions;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Every operation in openapi.yaml × every role (plus no token, a bad signature, an expired token
 * and a follower token for another follower) against the real service. Expectations come from
 * each operation's own declaration: a caller the declaration lets in is never refused by access
 * control (no 401, no 403 FORBIDDEN), everyone else gets exactly 401 or 403, and another follower's
 * subscription or account answers 404.
 */
class AuthorizationMatrixIT {
    private static final String F1 = "mx-f1";
    private static final String F2 = "mx-f2";
    private static RunningService service;
    private static Tokens4Tests tokens;
    private static ApiClient admin;
    private static List<Operation> operations;
    private static Map<String, String> ids = new LinkedHashMap<>();

    @BeforeAll
    static void start() throws Exception {
        service = RunningService.start();
        admin = service.api();
        tokens = new Tokens4Tests(service.dataDir());
        Vertx vertx = Vertx.vertx();
        try {
            operations = OpenAPIContract.from(vertx, "openapi.yaml").await().operations();
        } finally {
            vertx.close();
        }
        Scenario given = new Scenario(admin, T0);
        given.instrument("MXUSDT", "0").expert("mx-e", "1000");
        Response s1 = given.multiplierFollow(F1, "mx-e", "500", "0.1", null);
        Response s2 = given.multiplierFollow(F2, "mx-e", "500", "0.1", null);
        ids.put("s1", s1.text("subscriptionId"));
        ids.put("a1", s1.text("accountId"));
        ids.put("s2", s2.text("subscriptionId"));
        ids.put("a2", s2.text("accountId"));
        given.prices(1500, "MXUSDT", "100");
        given.fill("mx-e", "mx-fill-1", "MXUSDT", "OPEN_LONG", "1", "100", 10, 2000);
    }

    @AfterAll
    static void stop() {
        if (tokens != null) {
            tokens.close();
        }
        if (service != null) {
            service.close();
        }
    }

    @Test
    void everyOperationDeclaresWhoMayCallIt() {
        assertThat(operations).isNotEmpty();
        for (Operation op : operations) {
            // throws, naming the operation, when x-roles is missing or unclear
            AccessRule.declared(op.getOperationId(), op.getExtensions());
        }
    }

    @Test
    void everyRouteOfTheServerHasADeclaredRule() {
        AccessPolicy policy = service.service().http().accessPolicy();
        List<String> routes = service.service().http().outerRoutes();
        assertThat(routes).contains("GET /metrics", "GET /health/live", "GET /health/ready");
        for (String route : routes) {
            String[] mp = route.split(" ", 2);
            io.vertx.core.http.HttpMethod method = mp[0].equals("*") ? io.vertx.core.http.HttpMethod.GET
                    : io.vertx.core.http.HttpMethod.valueOf(mp[0]);
            assertThat(policy.find(method, mp[1])).as("declared access rule for " + route).isNotNull();
        }
        for (Operation op : operations) {
            assertThat(policy.operations()).containsKey(op.getOperationId());
        }
    }

    @Test
    void everyOperationTimesEveryCallerAnswersAsDeclared() throws Exception {
        String expired = tokens.token("late", Role.ADMIN, null, Duration.ofSeconds(1));
        Path otherDir = Files.createTempDirectory("copyguard-other-key");
        SigningKey.loadOrCreate(otherDir);
        String forged;
        try (Tokens4Tests other = new Tokens4Tests(otherDir)) {
            forged = other.token("admin", Role.ADMIN, null);
        }
        Thread.sleep(2100);
        SoftAssertions soft = new SoftAssertions();
        int requests = 0;
        for (Operation op : operations) {
            AccessRule rule = AccessRule.declared(op.getOperationId(), op.getExtensions());
            Request own = request(op, rule, F1);
            for (Role role : Role.values()) {
                String token = tokens.token("matrix-" + role.wireName(), role, role == Role.FOLLOWER ? F1 : null);
                Response r = send(own, token);
                requests++;
                String what = op.getOperationId() + " as " + role.wireName() + ": " + r.status() + " " + r.raw();
                if (declaredFor(op, role)) {
                    soft.assertThat(refusedByAccessControl(r)).as(what).isFalse();
                    if (role == Role.FOLLOWER && rule.scope() != Scope.NONE) {
                        soft.assertThat(r.error()).as("a follower's own data is found: " + what).isNotEqualTo("NOT_FOUND");
                    }
                } else {
                    soft.assertThat(r.status()).as(what).isEqualTo(403);
                    soft.assertThat(r.error()).as(what).isEqualTo("FORBIDDEN");
                }
            }
            for (Map.Entry<String, String> bad : Map.of("no token", "", "bad signature", forged, "expired", expired,
                    "garbage", "not.a.jwt").entrySet()) {
                Response r = send(own, bad.getValue().isEmpty() ? null : bad.getValue());
                requests++;
                String what = op.getOperationId() + " with " + bad.getKey() + ": " + r.status() + " " + r.raw();
                if (rule.open()) {
                    soft.assertThat(refusedByAccessControl(r)).as(what).isFalse();
                } else {
                    soft.assertThat(r.status()).as(what).isEqualTo(401);
                    soft.assertThat(r.error()).as(what).isEqualTo("UNAUTHENTICATED");
                }
            }
            if (rule.roles().contains(Role.FOLLOWER)) {
                Response r = send(own, tokens.token("intruder", Role.FOLLOWER, F2));
                requests++;
                String what = op.getOperationId() + " with another follower's token: " + r.status() + " " + r.raw();
                switch (rule.scope()) {
                    case SUBSCRIPTION, ACCOUNT -> soft.assertThat(r.status()).as(what).isEqualTo(404);
                    case FILTER -> soft.assertThat(r.status()).as(what).isEqualTo(404);
                    case FOLLOWER, BODY -> soft.assertThat(r.status()).as(what).isEqualTo(403);
                    case NONE -> soft.assertThat(refusedByAccessControl(r)).as(what).isFalse();
                }
            }
        }
        soft.assertAll();
        assertThat(requests).isGreaterThan(operations.size() * 11);
    }

    @Test
    void unauthenticatedAnswersCarryAChallengeAndASmallJsonBody() {
        HttpResponse<String> r = admin.as(null).exchange(admin.as(null).request("/instruments").GET());
        assertThat(r.statusCode()).isEqualTo(401);
        assertThat(r.headers().firstValue("WWW-Authenticate")).hasValueSatisfying(v -> assertThat(v).startsWith("Bearer"));
        assertThat(r.body()).contains("\"error\":\"UNAUTHENTICATED\"").hasSizeLessThan(300);
        assertThat(admin.as(null).get("/health/live").status()).isEqualTo(200);
        assertThat(admin.as(null).get("/health/ready").status()).isEqualTo(200);
        assertThat(admin.as(null).get("/openapi.yaml").status()).isEqualTo(200);
        assertThat(admin.as(null).get("/no/such/route").status()).isEqualTo(404);
    }

    /** Read straight from the operation's extensions, independently of the server's own AccessRule logic. */
    private static boolean declaredFor(Operation op, Role role) {
        Object roles = op.getExtensions().get("x-roles");
        List<String> names = new ArrayList<>();
        ((Iterable<?>) roles).forEach(r -> names.add(String.valueOf(r)));
        return Boolean.TRUE.equals(op.getExtensions().get("x-public")) || role == Role.ADMIN
                || names.contains(role.wireName());
    }

    private static boolean refusedByAccessControl(Response r) {
        return r.status() == 401 || (r.status() == 403 && "FORBIDDEN".equals(r.error()));
    }

    private record Request(String method, String path, String body) {
    }

    private static Response send(Request r, String token) {
        if (r.path().startsWith("/events")) {
            // a granted stream never ends: take its status (and an error's body), then hang up
            java.net.http.HttpResponse<java.util.stream.Stream<String>> stream = admin.as(token).stream(r.path(), null);
            try (java.util.stream.Stream<String> lines = stream.body()) {
                String raw = stream.statusCode() == 200 ? "" : lines.collect(java.util.stream.Collectors.joining("\n"));
                try {
                    return new Response(stream.statusCode(), raw.isEmpty() ? com.copyguard.json.Json.object()
                            : com.copyguard.json.Json.MAPPER.readTree(raw), raw);
                } catch (java.io.IOException e) {
                    throw new java.io.UncheckedIOException(e);
                }
            }
        }
        return admin.as(token).send(r.method(), r.path(), r.body());
    }

    /** A request for {@code op} on follower {@code follower}'s own data; a body of the right shape where one is needed. */
    private static Request request(Operation op, AccessRule rule, String follower) {
        String path = op.getOpenAPIPath();
        List<String> query = new ArrayList<>();
        for (Parameter p : op.getParameters()) {
            String value = switch (p.getName()) {
                case "subscriptionId" -> ids.get("s1");
                case "accountId" -> ids.get("a1");
                case "expertId" -> "mx-e";
                case "symbol" -> "MXUSDT";
                case "followerId" -> follower;
                default -> "x1";
            };
            if (p.getIn() == io.vertx.openapi.contract.Location.PATH) {
                path = path.replace("{" + p.getName() + "}", value);
            } else if (p.getIn() == io.vertx.openapi.contract.Location.QUERY && p.getName().equals("subscriptionId")) {
                query.add("subscriptionId=" + value);
            }
        }
        if (!query.isEmpty()) {
            path += "?" + String.join("&", query);
        }
        String body = op.getRequestBody() == null ? null : body(op.getOperationId(), follower);
        return new Request(op.getHttpMethod().name(), path, body);
    }

    private static String body(String operationId, String follower) {
        return switch (operationId) {
            case "putInstrument" -> "{\"minQty\":\"0.001\",\"qtyStep\":\"0.001\",\"maxLeverage\":125,\"takerFeeRate\":\"0\","
                    + "\"maintenanceMarginRate\":\"0.005\"}";
            case "putExpert" -> "{\"equity\":\"1000\"}";
            case "postFill" -> "{\"fillId\":\"mx-" + System.nanoTime() + "\",\"symbol\":\"MXUSDT\",\"action\":\"OPEN_LONG\","
                    + "\"qty\":\"0.001\",\"price\":\"100\",\"leverage\":10,\"marginMode\":\"CROSS\",\"status\":\"FILLED\",\"time\":" + (T0 + 3000) + "}";
            case "postPrices" -> "{\"time\":" + (T0 + 3000) + ",\"prices\":[{\"symbol\":\"MXUSDT\",\"price\":\"100\"}]}";
            case "postClock" -> "{\"time\":" + (T0 + 3000) + "}";
            case "postExpertEquity" -> "{\"time\":" + (T0 + 3000) + ",\"equity\":\"1000\"}";
            case "follow" -> "{\"followerId\":\"" + follower + "\",\"expertId\":\"mx-e\",\"mode\":\"MULTIPLIER\","
                    + "\"amount\":\"100\",\"multiplier\":\"0.1\",\"time\":" + (T0 + 3000) + "}";
            case "patchSettings" -> "{\"maxSlippage\":\"0.01\"}";
            case "deposit", "withdraw" -> "{\"amount\":\"1\",\"requestId\":\"mx-" + System.nanoTime() + "\",\"time\":" + (T0 + 3000) + "}";
            case "stopFollowing" -> "{\"mode\":\"FOLLOW_EXPERT_CLOSE\",\"time\":" + (T0 + 3000) + "}";
            case "closePosition" -> "{\"symbol\":\"MXUSDT\",\"side\":\"LONG\",\"time\":" + (T0 + 3000) + "}";
            case "activateRules", "proposeRules", "startShadow" -> "{\"version\":\"v2\"}";
            case "validateRules" -> "{\"version\":\"v2\"}";
            // an operation added later: a body with the follower id, so scope checks can be seen
            default -> "{\"followerId\":\"" + follower + "\"}";
        };
    }
}
