package com.copyguard.api.security;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;

/**
 * The service's own RS256 signing key, kept in the data directory (owner-only files, never in the
 * repository): generated on a fresh data directory, so a local installation has working tokens
 * without an identity provider. The key pair comes from the JDK; signing and verifying are left to
 * vertx-auth-jwt.
 */
public record SigningKey(String privatePem, String publicPem) {
    public static final String PRIVATE_FILE = "jwt-signing-key.pem";
    public static final String PUBLIC_FILE = "jwt-public-key.pem";

    /** The data directory's key; created (mode 0600) when there is none yet. */
    public static SigningKey loadOrCreate(Path dataDir) {
        Path priv = dataDir.resolve(PRIVATE_FILE);
        Path pub = dataDir.resolve(PUBLIC_FILE);
        try {
            if (Files.isRegularFile(priv) && Files.isRegularFile(pub)) {
                return new SigningKey(Files.readString(priv), Files.readString(pub));
            }
            if (Files.exists(priv) || Files.exists(pub)) {
                // never replace half a key pair: tokens signed with the old key would silently stop working
                throw new IllegalStateException("only one of " + priv + " and " + pub + " exists: restore the other "
                        + "or remove both to create a new signing key (every token issued so far becomes invalid)");
            }
            Files.createDirectories(dataDir);
            KeyPairGenerator gen = KeyPairGenerator.getInstance("RSA");
            gen.initialize(2048);
            KeyPair pair = gen.generateKeyPair();
            SigningKey key = new SigningKey(pem("PRIVATE KEY", pair.getPrivate().getEncoded()),
                    pem("PUBLIC KEY", pair.getPublic().getEncoded()));
            writePrivate(pub, key.publicPem());
            writePrivate(priv, key.privatePem());
            return key;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The data directory's existing key; IllegalStateException when the service never ran there. */
    public static SigningKey load(Path dataDir) {
        Path priv = dataDir.resolve(PRIVATE_FILE);
        if (!Files.isRegularFile(priv)) {
            throw new IllegalStateException(priv + " does not exist: start the service on " + dataDir
                    + " once to create its signing key");
        }
        return loadOrCreate(dataDir);
    }

    /** Writes {@code text} to a file only its owner can read (created that way, so it is never readable by others). */
    public static void writePrivate(Path file, String text) throws IOException {
        Path tmp = file.resolveSibling(file.getFileName() + ".tmp");
        Files.deleteIfExists(tmp);
        try {
            Files.createFile(tmp, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
        } catch (UnsupportedOperationException e) {
            Files.createFile(tmp);
        }
        Files.writeString(tmp, text, StandardCharsets.US_ASCII, StandardOpenOption.TRUNCATE_EXISTING);
        Files.move(tmp, file, java.nio.file.StandardCopyOption.REPLACE_EXISTING, java.nio.file.StandardCopyOption.ATOMIC_MOVE);
    }

    private static String pem(String type, byte[] der) {
        return "-----BEGIN " + type + "-----\n" + Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII))
                .encodeToString(der) + "\n-----END " + type + "-----\n";
    }
}
