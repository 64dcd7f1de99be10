package com.copyguard.core.rules;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Collections;
import java.util.HexFormat;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * The text of one rule set version: its manifest fields and every DRL file by name. This is what
 * an activation journals, so that replay compiles exactly what ran even after the folder changed.
 */
public record RuleSource(String version, String description, SortedMap<String, String> files) {

    public RuleSource {
        if (version == null || version.isBlank()) {
            throw new IllegalArgumentException("a rule set needs a version");
        }
        description = description == null ? "" : description;
        files = Collections.unmodifiableSortedMap(new TreeMap<>(files));
    }

    public static RuleSource of(String version, String description, Map<String, String> files) {
        return new RuleSource(version, description, new TreeMap<>(files));
    }

    /** SHA-256 over version, description and every file: equal text, equal fingerprint. */
    public String fingerprint() {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            update(sha, version);
            update(sha, description);
            for (Map.Entry<String, String> f : files.entrySet()) {
                update(sha, f.getKey());
                update(sha, f.getValue());
            }
            return HexFormat.of().formatHex(sha.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is always available", e);
        }
    }

    private static void update(MessageDigest sha, String text) {
        byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
        sha.update(Integer.toString(bytes.length).getBytes(StandardCharsets.US_ASCII));
        sha.update((byte) ':');
        sha.update(bytes);
    }
}
