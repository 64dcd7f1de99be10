package com.copyguard.api.security;

import io.vertx.core.Vertx;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.auth.JWTOptions;
import io.vertx.ext.auth.PubSecKeyOptions;
import io.vertx.ext.auth.jwt.JWTAuth;
import io.vertx.ext.auth.jwt.JWTAuthOptions;
import java.time.Duration;
import java.util.Collection;

/** Mints tokens signed with the data directory's {@link SigningKey} (the {@code token} command and {@code admin.token}). */
public final class TokenIssuer {
    public static final String ALGORITHM = "RS256";
    private final JWTAuth jwt;

    public TokenIssuer(Vertx vertx, SigningKey key) {
        this.jwt = JWTAuth.create(vertx, new JWTAuthOptions()
                .addPubSecKey(new PubSecKeyOptions().setAlgorithm(ALGORITHM).setBuffer(key.privatePem()))
                .addPubSecKey(new PubSecKeyOptions().setAlgorithm(ALGORITHM).setBuffer(key.publicPem())));
    }

    /** A token for {@code subject} with {@code roles}, bound to {@code followerId} (may be null), valid for {@code ttl}. */
    public String issue(String subject, Collection<Role> roles, String followerId, Duration ttl) {
        if (roles.contains(Role.FOLLOWER) && (followerId == null || followerId.isBlank())) {
            throw new IllegalArgumentException("a follower token must name its follower (--follower)");
        }
        JsonObject claims = new JsonObject().put(Tokens.ROLES_CLAIM, new JsonArray(roles.stream().map(Role::wireName).toList()));
        if (followerId != null) {
            claims.put(Tokens.FOLLOWER_CLAIM, followerId);
        }
        long seconds = ttl.toSeconds();
        if (seconds < 1 || seconds > Integer.MAX_VALUE) {
            throw new IllegalArgumentException("ttl must be between 1 second and 68 years");
        }
        return jwt.generateToken(claims, new JWTOptions().setAlgorithm(ALGORITHM).setSubject(subject)
                .setIssuer(Tokens.EMBEDDED_ISSUER).setExpiresInSeconds((int) seconds));
    }
}
