package com.copyguard.api.security;

import static org.assertj.core.api.Assertions.assertThat;

import com.copyguard.app.ServiceConfig;
import com.copyguard.testing.ApiClient;
import com.copyguard.testing.RunningService;
import com.copyguard.testing.TempDirs;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.auth.JWTOptions;
import io.vertx.ext.auth.PubSecKeyOptions;
import io.vertx.ext.auth.jwt.JWTAuth;
import io.vertx.ext.auth.jwt.JWTAuthOptions;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.interfaces.RSAPublicKey;
import java.util.Base64;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * An exchange's identity provider signs the tokens: its public key given as PEM
 * ({@code --jwt-public-key}) or JWKS ({@code --jwks}), its issuer and audience required. The
 * provider is simulated here with a key pair made by the JDK and vertx-auth-jwt as the signer.
 */
class ExternalIssuerIT {
    private static final String ISSUER = "https://idp.example";
    private static final String AUDIENCE = "copyguard";

    @Test
    void tokensOfAConfiguredIssuerAreAcceptedWithItsIssuerAndAudience() throws Exception {
        Path dir = Files.createTempDirectory("copyguard-idp");
        KeyPair pemIdp = rsa();
        KeyPair jwksIdp = rsa();
        Path pem = Files.writeString(dir.resolve("idp.pem"), pem("PUBLIC KEY", pemIdp.getPublic().getEncoded()));
        RSAPublicKey pub = (RSAPublicKey) jwksIdp.getPublic();
        JsonObject jwk = new JsonObject().put("kty", "RSA").put("kid", "idp-2").put("use", "sig").put("alg", "RS256")
                .put("n", b64u(pub.getModulus().toByteArray())).put("e", b64u(pub.getPublicExponent().toByteArray()));
        Path jwks = Files.writeString(dir.resolve("jwks.json"), new JsonObject().put("keys", new JsonArray().add(jwk)).encode());
        Path data = dir.resolve("data");
        ServiceConfig config = new ServiceConfig("127.0.0.1", 0, data, Path.of("rules"), null, null)
                .withSecurity(new SecurityOptions(List.of(pem), List.of(jwks), ISSUER, AUDIENCE, null, null));
        Vertx vertx = Vertx.vertx();
        try (RunningService service = RunningService.start(config)) {
            ApiClient api = service.api();
            String viaPem = sign(vertx, pemIdp, null, ISSUER, AUDIENCE);
            String viaJwks = sign(vertx, jwksIdp, "idp-2", ISSUER, AUDIENCE);
            assertThat(api.as(viaPem).get("/instruments").status()).isEqualTo(200);
            assertThat(api.as(viaJwks).get("/instruments").status()).isEqualTo(200);
            assertThat(api.as(sign(vertx, pemIdp, null, ISSUER, "someone-else")).get("/instruments").status())
                    .as("wrong audience").isEqualTo(401);
            assertThat(api.as(sign(vertx, pemIdp, null, "https://evil.example", AUDIENCE)).get("/instruments").status())
                    .as("wrong issuer").isEqualTo(401);
            assertThat(api.as(sign(vertx, rsa(), null, ISSUER, AUDIENCE)).get("/instruments").status())
                    .as("a key nobody configured").isEqualTo(401);
            assertThat(api.get("/instruments").status()).as("the embedded admin token still works").isEqualTo(200);
        } finally {
            vertx.close();
        }
        TempDirs.delete(dir);
    }

    private static String sign(Vertx vertx, KeyPair key, String kid, String issuer, String audience) {
        PubSecKeyOptions signing = new PubSecKeyOptions().setAlgorithm("RS256")
                .setBuffer(pem("PRIVATE KEY", key.getPrivate().getEncoded()));
        if (kid != null) {
            signing.setId(kid);
        }
        JWTAuth idp = JWTAuth.create(vertx, new JWTAuthOptions().addPubSecKey(signing));
        JWTOptions options = new JWTOptions().setAlgorithm("RS256").setSubject("desk-user@exchange").setIssuer(issuer)
                .addAudience(audience).setExpiresInMinutes(10);
        if (kid != null) {
            options.setHeader(new JsonObject().put("kid", kid));
        }
        return idp.generateToken(new JsonObject().put("roles", new JsonArray().add("desk")), options);
    }

    private static KeyPair rsa() throws Exception {
        KeyPairGenerator gen = KeyPairGenerator.getInstance("RSA");
        gen.initialize(2048);
        return gen.generateKeyPair();
    }

    private static String b64u(byte[] bytes) {
        int start = bytes.length > 1 && bytes[0] == 0 ? 1 : 0;
        return Base64.getUrlEncoder().withoutPadding().encodeToString(java.util.Arrays.copyOfRange(bytes, start, bytes.length));
    }

    private static String pem(String type, byte[] der) {
        return "-----BEGIN " + type + "-----\n" + Base64.getMimeEncoder(64, new byte[] {'\n'}).encodeToString(der)
                + "\n-----END " + type + "-----\n";
    }
}
