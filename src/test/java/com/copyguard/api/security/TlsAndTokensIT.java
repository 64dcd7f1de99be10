package com.copyguard.api.security;

import static com.copyguard.testing.EventTimes.T0;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.copyguard.testing.ApiClient;
import com.copyguard.testing.ApiClient.Response;
import com.copyguard.testing.JarProcess;
import com.copyguard.testing.TempDirs;
import java.io.FileInputStream;
import java.net.http.HttpClient;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.KeyStore;
import java.security.cert.Certificate;
import java.time.Duration;
import java.util.Base64;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;
import org.junit.jupiter.api.Test;

/**
 * What an operator does with the packaged service: serve HTTPS with a PEM certificate and key
 * (a self-signed one generated here with the JDK's keytool; no key is committed), read the
 * admin token the service wrote, and mint a follower token with the {@code token} command.
 */
class TlsAndTokensIT {

    @Test
    void servesHttpsAndAcceptsTokensMintedByTheTokenCommand() throws Exception {
        Path dir = Files.createTempDirectory("copyguard-tls");
        Path data = dir.resolve("data");
        KeyStore keyStore = selfSigned(dir);
        Path cert = dir.resolve("cert.pem");
        Path key = dir.resolve("key.pem");
        Certificate certificate = keyStore.getCertificate("copyguard");
        Files.writeString(cert, pem("CERTIFICATE", certificate.getEncoded()));
        Files.writeString(key, pem("PRIVATE KEY", keyStore.getKey("copyguard", "changeit".toCharArray()).getEncoded()));

        try (JarProcess service = JarProcess.start(data, "--tls-cert", cert.toString(), "--tls-key", key.toString())) {
            assertThat(Files.getPosixFilePermissions(data.resolve("admin.token")))
                    .isEqualTo(PosixFilePermissions.fromString("rw-------"));
            assertThat(Files.getPosixFilePermissions(data.resolve(SigningKey.PRIVATE_FILE)))
                    .isEqualTo(PosixFilePermissions.fromString("rw-------"));
            assertThat(service.log()).contains(data.resolve("admin.token").toAbsolutePath().toString());

            SSLContext tls = SSLContext.getInstance("TLS");
            TrustManagerFactory trust = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
            trust.init(keyStore);
            tls.init(null, trust.getTrustManagers(), null);
            HttpClient https = HttpClient.newBuilder().sslContext(tls).connectTimeout(Duration.ofSeconds(5)).build();
            ApiClient admin = new ApiClient(https, "https://127.0.0.1:" + service.port(), ApiClient.adminToken(data));

            assertThat(admin.get("/health/ready").status()).isEqualTo(200);
            Response follow = admin.post("/subscriptions", "{\"followerId\":\"tls-f\",\"expertId\":\"tls-e\",\"mode\":\"MULTIPLIER\","
                    + "\"amount\":\"100\",\"multiplier\":\"0.1\",\"time\":" + (T0 + 1000) + "}");
            assertThat(follow.status()).as("unknown expert, but past authentication: " + follow.raw()).isEqualTo(404);
            assertThat(admin.put("/experts/tls-e", "{\"equity\":\"1000\"}").status()).isIn(200, 201);

            String minted = JarProcess.run("token", "--data-dir", data.toString(), "--role", "follower", "--follower", "tls-f",
                    "--subject", "tls-user", "--ttl", "10m").trim();
            minted = minted.substring(minted.lastIndexOf('\n') + 1);
            ApiClient follower = admin.as(minted);
            Response own = follower.post("/subscriptions", "{\"followerId\":\"tls-f\",\"expertId\":\"tls-e\",\"mode\":\"MULTIPLIER\","
                    + "\"amount\":\"100\",\"multiplier\":\"0.1\",\"time\":" + (T0 + 1000) + "}");
            assertThat(own.status()).as(own.raw()).isEqualTo(201);
            assertThat(follower.get("/instruments").status()).isEqualTo(200);
            assertThat(follower.get("/state/hash").status()).as("desk only").isEqualTo(403);

            ApiClient plain = new ApiClient(service.port(), ApiClient.adminToken(data));
            assertThatThrownBy(() -> plain.get("/health/live")).as("no plain HTTP on the TLS port").isInstanceOf(RuntimeException.class);
            service.terminate();
        }
        TempDirs.delete(dir);
    }

    /** A self-signed RSA certificate for 127.0.0.1, made by the JDK's keytool into a PKCS12 store. */
    private static KeyStore selfSigned(Path dir) throws Exception {
        Path store = dir.resolve("tls.p12");
        Process p = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "keytool").toString(),
                "-genkeypair", "-alias", "copyguard", "-keyalg", "RSA", "-keysize", "2048", "-validity", "2",
                "-dname", "CN=127.0.0.1", "-ext", "SAN=ip:127.0.0.1,dns:localhost", "-storetype", "PKCS12",
                "-keystore", store.toString(), "-storepass", "changeit", "-keypass", "changeit")
                .redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes());
        assertThat(p.waitFor()).as(out).isZero();
        KeyStore ks = KeyStore.getInstance("PKCS12");
        try (FileInputStream in = new FileInputStream(store.toFile())) {
            ks.load(in, "changeit".toCharArray());
        }
        return ks;
    }

    private static String pem(String type, byte[] der) {
        return "-----BEGIN " + type + "-----\n" + Base64.getMimeEncoder(64, new byte[] {'\n'}).encodeToString(der)
                + "\n-----END " + type + "-----\n";
    }
}
