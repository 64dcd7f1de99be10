package com.copyguard.core.rules;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.drools.model.codegen.ExecutableModelProject;
import org.kie.api.KieServices;
import org.kie.api.builder.KieBuilder;
import org.kie.api.builder.KieFileSystem;
import org.kie.api.builder.Message;
import org.kie.api.builder.ReleaseId;

/**
 * Compiles a rule set folder ({@code rules/<version>/*.drl} plus {@code manifest.properties}) into a
 * KieBase with the executable model. Each compilation gets its own release so that old ones can be
 * removed from the KieRepository after a swap.
 */
public final class RuleSetLoader {
    private static final AtomicLong RELEASES = new AtomicLong();
    /** Version folder names: no separators, no leading dot, so a name never leaves the root. */
    public static final Pattern VERSION_NAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,63}");
    private final Path rulesRoot;

    public RuleSetLoader(Path rulesRoot) {
        this.rulesRoot = rulesRoot;
    }

    public Path rulesRoot() {
        return rulesRoot;
    }

    /** Versions available under the rules root: folders holding a manifest, sorted by name. */
    public List<String> versions() {
        try (Stream<Path> dirs = Files.list(rulesRoot)) {
            return dirs.filter(d -> Files.isRegularFile(d.resolve("manifest.properties")))
                    .map(d -> d.getFileName().toString()).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public Path folderOf(String version) {
        return rulesRoot.resolve(version);
    }

    /** True when {@code version} is a safe folder name under the root and holds a manifest. */
    public boolean exists(String version) {
        return version != null && VERSION_NAME.matcher(version).matches()
                && Files.isRegularFile(folderOf(version).resolve("manifest.properties"));
    }

    public RuleSet load(String version) throws RuleCompilationException {
        return loadFolder(folderOf(version));
    }

    /** The text of a version under the root (see {@link #source(Path)}). */
    public RuleSource source(String version) throws RuleCompilationException {
        if (!exists(version)) {
            throw new RuleCompilationException(String.valueOf(version),
                    List.of("no rule set version '" + version + "' under " + rulesRoot));
        }
        return source(folderOf(version));
    }

    public static RuleSet loadFolder(Path folder) throws RuleCompilationException {
        return compile(source(folder));
    }

    /** The text of a rule set folder: manifest fields and every {@code *.drl} file. */
    public static RuleSource source(Path folder) throws RuleCompilationException {
        Properties manifest = manifest(folder);
        String version = manifest.getProperty("version", folder.getFileName().toString()).trim();
        return RuleSource.of(version, manifest.getProperty("description", "").trim(), drlFiles(folder));
    }

    public static Properties manifest(Path folder) throws RuleCompilationException {
        Path file = folder.resolve("manifest.properties");
        if (!Files.isRegularFile(file)) {
            throw new RuleCompilationException(folder.getFileName().toString(),
                    List.of("no manifest.properties in " + folder));
        }
        Properties p = new Properties();
        try (InputStream in = Files.newInputStream(file)) {
            p.load(in);
        } catch (IOException e) {
            throw new RuleCompilationException(folder.getFileName().toString(), List.of(e.toString()));
        }
        return p;
    }

    public static Map<String, String> drlFiles(Path folder) throws RuleCompilationException {
        Map<String, String> files = new TreeMap<>();
        try (Stream<Path> list = Files.list(folder)) {
            for (Path p : list.filter(f -> f.toString().endsWith(".drl")).toList()) {
                files.put(p.getFileName().toString(), Files.readString(p, StandardCharsets.UTF_8));
            }
        } catch (IOException e) {
            throw new RuleCompilationException(folder.getFileName().toString(), List.of(e.toString()));
        }
        if (files.isEmpty()) {
            throw new RuleCompilationException(folder.getFileName().toString(), List.of("no .drl files in " + folder));
        }
        return files;
    }

    /** Compiles DRL sources; ERROR messages reject the whole set. */
    public static RuleSet compile(String version, String description, Map<String, String> drlFiles)
            throws RuleCompilationException {
        return compile(RuleSource.of(version, description, drlFiles));
    }

    /**
     * Compiles a rule set's text; ERROR messages reject the whole set. The module is dropped from the
     * KieRepository as soon as its KieBase exists: nothing looks it up again, and a compiled set that
     * is cached, replaced and reactivated keeps working because sessions come from the KieBase.
     */
    public static RuleSet compile(RuleSource source) throws RuleCompilationException {
        List<String> unsafe = RuleSafety.violations(source);
        if (!unsafe.isEmpty()) {
            throw new RuleCompilationException(source.version(), unsafe);
        }
        KieServices ks = KieServices.get();
        ReleaseId releaseId = ks.newReleaseId("com.copyguard.core.rules", "ruleset", "1.0." + RELEASES.incrementAndGet());
        KieFileSystem kfs = ks.newKieFileSystem();
        kfs.generateAndWritePomXML(releaseId);
        source.files().forEach((name, text) -> kfs.write("src/main/resources/copyguard/" + name, text));
        KieBuilder builder = ks.newKieBuilder(kfs).buildAll(ExecutableModelProject.class);
        List<Message> errors = builder.getResults().getMessages(Message.Level.ERROR);
        if (!errors.isEmpty()) {
            ks.getRepository().removeKieModule(releaseId);
            List<String> messages = CompilerMessages.readable(errors, source);
            throw new RuleCompilationException(source.version(), messages);
        }
        RuleSet compiled = new RuleSet(source, ks.newKieContainer(releaseId).getKieBase(), releaseId);
        ks.getRepository().removeKieModule(releaseId);
        return compiled;
    }

    /** Frees a rule set's module if still registered; its KieBase stays usable. Idempotent. */
    public static void release(RuleSet old) {
        KieServices.get().getRepository().removeKieModule(old.releaseId());
    }
}
