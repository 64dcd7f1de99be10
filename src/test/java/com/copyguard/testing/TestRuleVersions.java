package com.copyguard.testing;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Properties;
import java.util.stream.Stream;

/**
 * A rules folder for tests: every real version of {@code rules/} beside the test versions of
 * {@code src/test/resources/rule-versions} (tight-cap, runaway, throwing, syntax-error, type-error),
 * with ACTIVE naming the real active version. A test version whose manifest says {@code base=v2}
 * gets v2's DRL files first, so it stays v2 plus its own change as v2 evolves.
 */
public final class TestRuleVersions {
    public static final Path REAL_RULES = Path.of("rules");
    public static final Path TEST_VERSIONS = Path.of("src/test/resources/rule-versions");

    private TestRuleVersions() {
    }

    public static Path root() {
        try {
            Path root = Files.createTempDirectory("copyguard-rules");
            try (Stream<Path> real = Files.list(REAL_RULES)) {
                for (Path v : real.filter(Files::isDirectory).toList()) {
                    copyDrl(v, root.resolve(v.getFileName()), true);
                }
            }
            try (Stream<Path> versions = Files.list(TEST_VERSIONS)) {
                for (Path v : versions.sorted().toList()) {
                    Path target = root.resolve(v.getFileName());
                    String base = manifest(v).getProperty("base");
                    if (base != null) {
                        copyDrl(REAL_RULES.resolve(base), target, false);
                    }
                    copyDrl(v, target, true);
                }
            }
            Files.writeString(root.resolve("ACTIVE"), activeVersion() + "\n");
            return root;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The version named by the real {@code rules/ACTIVE}. */
    public static String activeVersion() {
        try {
            return Files.readString(REAL_RULES.resolve("ACTIVE")).trim();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void copyDrl(Path from, Path to, boolean withManifest) throws IOException {
        Files.createDirectories(to);
        try (Stream<Path> files = Files.list(from)) {
            for (Path f : files.toList()) {
                String name = f.getFileName().toString();
                if (name.endsWith(".drl") || withManifest && name.equals("manifest.properties")) {
                    Files.copy(f, to.resolve(name), java.nio.file.StandardCopyOption.REPLACE_EXISTING);
                }
            }
        }
    }

    private static Properties manifest(Path folder) throws IOException {
        Properties p = new Properties();
        try (InputStream in = Files.newInputStream(folder.resolve("manifest.properties"))) {
            p.load(in);
        }
        return p;
    }
}
