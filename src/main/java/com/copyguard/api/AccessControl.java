package com.copyguard.api;

import com.copyguard.api.security.AccessPolicy;
import com.copyguard.api.security.AccessRule;
import com.copyguard.api.security.Caller;
import com.copyguard.api.security.Tokens;
import com.fasterxml.jackson.databind.JsonNode;
import io.vertx.ext.web.RoutingContext;
import java.util.concurrent.CompletableFuture;
import java.util.function.Function;

/**
 * Enforces openapi.yaml's access declarations. {@link #authorize} runs first on every request:
 * it finds the route's declared rule (none: 404, so nothing undeclared is reachable), checks the
 * bearer token (401) and the caller's roles (403). {@link #confine} runs once the API is mounted
 * and the body parsed: a caller that gets in only as a {@code follower} is held to its own data
 * ({@code x-follower-scope}); another follower's subscription or account answers 404, exactly as
 * one that does not exist, so ids cannot be probed.
 */
final class AccessControl {
    private static final String CALLER = "copyguard.caller";
    private static final String RULE = "copyguard.accessRule";
    private static final String FOLLOWER_FILTER = "copyguard.followerFilter";
    private static final String PATH_PARAMS = "copyguard.pathParams";
    private static final String ACTING_ROLE = "copyguard.actingRole";
    private static final String CHALLENGE = "Bearer realm=\"copyguard\"";

    /** The follower owning a subscription or account (null when there is none), read between two inputs. */
    interface Owners {
        CompletableFuture<String> ofSubscription(String subscriptionId);

        CompletableFuture<String> ofAccount(String accountId);
    }

    private final AccessPolicy policy;
    private final Tokens tokens;

    AccessControl(AccessPolicy policy, Tokens tokens) {
        this.policy = policy;
        this.tokens = tokens;
    }

    void authorize(RoutingContext ctx) {
        AccessRule rule = policy.find(ctx.request().method(), ctx.request().path());
        if (rule == null && policy.knowsPath(ctx.request().path())) {
            ErrorResponder.send(ctx, 405, "METHOD_NOT_ALLOWED", ctx.request().method() + " is not an operation of "
                    + ctx.request().path());
            return;
        }
        if (rule == null) {
            ErrorResponder.send(ctx, 404, "NOT_FOUND", "no such operation: " + ctx.request().method() + " "
                    + ctx.request().path());
            return;
        }
        ctx.put(RULE, rule);
        try {
            ctx.put(PATH_PARAMS, policy.pathParams(ctx.request().method(), ctx.request().path()));
        } catch (IllegalArgumentException e) {
            ErrorResponder.send(ctx, 400, "BAD_REQUEST", "the path is not valid percent-encoding");
            return;
        }
        if (rule.open()) {
            ctx.next();
            return;
        }
        String header = ctx.request().getHeader("Authorization");
        if (header == null || !header.regionMatches(true, 0, "Bearer ", 0, 7)) {
            unauthenticated(ctx, "send Authorization: Bearer <token>", false);
            return;
        }
        tokens.verify(header.substring(7).trim()).onComplete(ar -> {
            if (ar.failed()) {
                unauthenticated(ctx, ar.cause().getMessage(), true);
            } else if (!rule.allows(ar.result().roles())) {
                ErrorResponder.send(ctx, 403, "FORBIDDEN", rule.name() + " is for " + String.join(", ", rule.roleNames()));
            } else {
                ctx.put(CALLER, ar.result());
                ctx.put(ACTING_ROLE, rule.actingRole(ar.result().roles()));
                ctx.next();
            }
        });
    }

    private static void unauthenticated(RoutingContext ctx, String message, boolean invalidToken) {
        ctx.response().putHeader("WWW-Authenticate", invalidToken ? CHALLENGE + ", error=\"invalid_token\"" : CHALLENGE);
        ErrorResponder.send(ctx, 401, "UNAUTHENTICATED", message);
    }

    /** Holds a caller that gets in only through its follower role to its own data, as the route's scope says. */
    static void confine(RoutingContext ctx, Owners owners) {
        Caller caller = caller(ctx);
        AccessRule rule = ctx.get(RULE);
        if (caller == null || rule == null || !rule.confines(caller.roles())) {
            ctx.next();
            return;
        }
        String own = caller.followerId();
        switch (rule.scope()) {
            case NONE -> ctx.next();
            case FOLLOWER -> {
                if (own.equals(firstPathParam(ctx))) {
                    ctx.next();
                } else {
                    ErrorResponder.send(ctx, 403, "FORBIDDEN", "a follower token acts only for its own follower id");
                }
            }
            case SUBSCRIPTION -> owned(ctx, owners::ofSubscription, firstPathParam(ctx), own, "subscription");
            case ACCOUNT -> owned(ctx, owners::ofAccount, firstPathParam(ctx), own, "account");
            case BODY -> {
                JsonNode body = ctx.get(JsonBody.KEY);
                if (body != null && own.equals(body.path("followerId").asText(null))) {
                    ctx.next();
                } else {
                    ErrorResponder.send(ctx, 403, "FORBIDDEN", "followerId must be the token's follower");
                }
            }
            case FILTER -> {
                String followerParam = ctx.queryParams().get("followerId");
                if (followerParam != null && !followerParam.equals(own)) {
                    ErrorResponder.send(ctx, 403, "FORBIDDEN", "a follower token lists only its own follower's data");
                    return;
                }
                ctx.put(FOLLOWER_FILTER, own);
                String subscription = ctx.queryParams().get("subscriptionId");
                if (subscription == null) {
                    ctx.next();
                } else {
                    owned(ctx, owners::ofSubscription, subscription, own, "subscription");
                }
            }
        }
    }

    private static void owned(RoutingContext ctx, Function<String, CompletableFuture<String>> ownerOf, String id,
                              String own, String what) {
        io.vertx.core.Context context = ctx.vertx().getOrCreateContext();
        ownerOf.apply(id).whenComplete((owner, error) -> context.runOnContext(v -> {
            if (error != null) {
                ErrorResponder.fail(ctx, error);
            } else if (own.equals(owner)) {
                ctx.next();
            } else {
                ErrorResponder.send(ctx, 404, "NOT_FOUND", what + " " + id + " not found");
            }
        }));
    }

    /** The operation's (single) path parameter, as the contract's template names it. */
    private static String firstPathParam(RoutingContext ctx) {
        java.util.Map<String, String> params = ctx.get(PATH_PARAMS);
        return params == null ? null : params.values().stream().findFirst().orElse(null);
    }

    /** The role the caller acts in on this request (recorded with what it sends), or null on an open route. */
    static com.copyguard.api.security.Role actingRole(RoutingContext ctx) {
        return ctx.get(ACTING_ROLE);
    }

    /** The access rule declared for the request's operation (null before {@link #authorize} found one). */
    static AccessRule rule(RoutingContext ctx) {
        return ctx.get(RULE);
    }

    /** The authenticated caller, or null on an open route. */
    static Caller caller(RoutingContext ctx) {
        return ctx.get(CALLER);
    }

    /** The follower a list must be filtered to (a confined follower caller), or null for everyone. */
    static String followerFilter(RoutingContext ctx) {
        return ctx.get(FOLLOWER_FILTER);
    }

}
