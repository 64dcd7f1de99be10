package com.copyguard.api.security;

import java.nio.file.Path;
import java.util.List;

/**
 * How callers prove who they are and how the wire is protected. Tokens signed with the data
 * directory's own key are always accepted; {@code publicKeys} (PEM) and {@code jwksFiles} add an
 * external issuer, whose tokens must carry {@code issuer} and {@code audience} when those are set.
 * {@code tlsCert}/{@code tlsKey} (PEM) switch HTTP to HTTPS.
 */
public record SecurityOptions(List<Path> publicKeys, List<Path> jwksFiles, String issuer, String audience,
                              Path tlsCert, Path tlsKey) {
    public static final SecurityOptions DEFAULTS = new SecurityOptions(List.of(), List.of(), null, null, null, null);

    public SecurityOptions {
        publicKeys = List.copyOf(publicKeys);
        jwksFiles = List.copyOf(jwksFiles);
        if ((tlsCert == null) != (tlsKey == null)) {
            throw new IllegalArgumentException("--tls-cert and --tls-key go together");
        }
    }

    public boolean tls() {
        return tlsCert != null;
    }

    public SecurityOptions withTls(Path cert, Path key) {
        return new SecurityOptions(publicKeys, jwksFiles, issuer, audience, cert, key);
    }
}
