package com.copyguard.api.security;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.auth.JWTOptions;
import io.vertx.ext.auth.PubSecKeyOptions;
import io.vertx.ext.auth.User;
import io.vertx.ext.auth.authentication.TokenCredentials;
import io.vertx.ext.auth.jwt.JWTAuth;
import io.vertx.ext.auth.jwt.JWTAuthOptions;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.EnumSet;

/**
 * Verifies bearer tokens with vertx-auth-jwt: signature, expiry and, for an external issuer, its
 * issuer and audience. A token names its roles in {@code roles} and, for a follower, the follower
 * id in {@code follower}.
 */
public final class Tokens {
    public static final String ROLES_CLAIM = "roles";
    public static final String FOLLOWER_CLAIM = "follower";
    public static final String EMBEDDED_ISSUER = "copyguard";
    private static final int MAX_TOKEN_CHARS = 8192;

    private final JWTAuth embedded;
    private final JWTAuth external;

    public Tokens(Vertx vertx, SigningKey key, SecurityOptions options) {
        this.embedded = JWTAuth.create(vertx, new JWTAuthOptions()
                .addPubSecKey(new PubSecKeyOptions().setAlgorithm(TokenIssuer.ALGORITHM).setBuffer(key.publicPem()))
                .setJWTOptions(new JWTOptions().setIssuer(EMBEDDED_ISSUER)));
        this.external = externalProvider(vertx, options);
    }

    private static JWTAuth externalProvider(Vertx vertx, SecurityOptions options) {
        if (options.publicKeys().isEmpty() && options.jwksFiles().isEmpty()) {
            return null;
        }
        JWTAuthOptions o = new JWTAuthOptions();
        for (Path pem : options.publicKeys()) {
            String text = read(pem);
            o.addPubSecKey(new PubSecKeyOptions().setAlgorithm(algorithmOf(text)).setBuffer(text));
        }
        for (Path jwks : options.jwksFiles()) {
            JsonArray keys = new JsonObject(read(jwks)).getJsonArray("keys", new JsonArray());
            for (int i = 0; i < keys.size(); i++) {
                o.addJwk(keys.getJsonObject(i));
            }
        }
        JWTOptions checks = new JWTOptions();
        if (options.issuer() != null) {
            checks.setIssuer(options.issuer());
        }
        if (options.audience() != null) {
            checks.addAudience(options.audience());
        }
        return JWTAuth.create(vertx, o.setJWTOptions(checks));
    }

    /** A PEM public key's JWS algorithm: RS256 for RSA keys, ES256 for EC keys (by what the JDK parses). */
    private static String algorithmOf(String pem) {
        byte[] der = java.util.Base64.getMimeDecoder().decode(pem.replaceAll("-----[A-Z ]+-----", ""));
        try {
            java.security.KeyFactory.getInstance("RSA").generatePublic(new java.security.spec.X509EncodedKeySpec(der));
            return "RS256";
        } catch (java.security.GeneralSecurityException e) {
            return "ES256";
        }
    }

    private static String read(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file, e);
        }
    }

    /** The caller a token proves; fails (with a message safe to show) when it is invalid, expired or unusable. */
    public Future<Caller> verify(String token) {
        if (token == null || token.isBlank() || token.length() > MAX_TOKEN_CHARS) {
            return Future.failedFuture("a bearer token is required");
        }
        TokenCredentials credentials = new TokenCredentials(token);
        Future<User> user = embedded.authenticate(credentials);
        if (external != null) {
            user = user.recover(e -> external.authenticate(credentials));
        }
        return user.recover(e -> Future.failedFuture("invalid or expired token")).compose(u -> {
            try {
                return Future.succeededFuture(caller(claims(u)));
            } catch (RuntimeException e) {
                return Future.failedFuture("unusable token: " + e.getMessage());
            }
        });
    }

    private static JsonObject claims(User u) {
        JsonObject decoded = u.attributes().getJsonObject("accessToken");
        return decoded != null ? decoded : u.principal();
    }

    static Caller caller(JsonObject claims) {
        String subject = claims.getString("sub");
        if (subject == null || subject.isBlank()) {
            throw new IllegalArgumentException("no subject (sub)");
        }
        Object rolesClaim = claims.getValue(ROLES_CLAIM);
        EnumSet<Role> roles = EnumSet.noneOf(Role.class);
        if (rolesClaim instanceof JsonArray arr) {
            arr.forEach(r -> roles.add(Role.of(String.valueOf(r))));
        } else if (rolesClaim instanceof String s) {
            for (String r : s.trim().split("[ ,]+")) {
                roles.add(Role.of(r));
            }
        }
        if (roles.isEmpty()) {
            throw new IllegalArgumentException("no roles");
        }
        String follower = claims.getString(FOLLOWER_CLAIM);
        if (roles.contains(Role.FOLLOWER) && (follower == null || follower.isBlank())) {
            throw new IllegalArgumentException("a follower token names no follower");
        }
        return new Caller(subject, roles, follower);
    }
}
