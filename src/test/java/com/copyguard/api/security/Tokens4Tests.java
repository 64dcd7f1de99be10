package com.copyguard.api.security;

import io.vertx.core.Vertx;
import java.nio.file.Path;
import java.time.Duration;
import java.util.EnumSet;

/** Mints tokens for tests the way the {@code token} command does: signed with a data directory's key. */
public final class Tokens4Tests implements AutoCloseable {
    private final Vertx vertx = Vertx.vertx();
    private final TokenIssuer issuer;

    public Tokens4Tests(Path dataDir) {
        this.issuer = new TokenIssuer(vertx, SigningKey.load(dataDir));
    }

    public String token(String subject, Role role, String follower) {
        return issuer.issue(subject, EnumSet.of(role), follower, Duration.ofHours(1));
    }

    public String token(String subject, Role role, String follower, Duration ttl) {
        return issuer.issue(subject, EnumSet.of(role), follower, ttl);
    }

    @Override
    public void close() {
        vertx.close();
    }
}
