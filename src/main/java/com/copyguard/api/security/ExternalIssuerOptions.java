package com.copyguard.api.security;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine.Option;

/**
 * The command-line options that make the service trust an exchange's own token issuer, shared (as a
 * picocli mixin) by the single node and the cluster ingress so both read them the same way.
 */
public final class ExternalIssuerOptions {
    @Option(names = "--jwt-public-key", paramLabel = "FILE.pem",
            description = "An external token issuer's public key (PEM, RSA or EC); repeatable")
    List<Path> publicKeys = new ArrayList<>();

    @Option(names = "--jwks", paramLabel = "FILE.json", description = "An external token issuer's JWKS file; repeatable")
    List<Path> jwks = new ArrayList<>();

    @Option(names = "--jwt-issuer", description = "Required iss of externally issued tokens")
    String issuer;

    @Option(names = "--jwt-audience", description = "Required aud of externally issued tokens")
    String audience;

    /** These options with a TLS certificate and key (both null: plain HTTP). */
    public SecurityOptions security(Path tlsCert, Path tlsKey) {
        return new SecurityOptions(publicKeys, jwks, issuer, audience, tlsCert, tlsKey);
    }
}
