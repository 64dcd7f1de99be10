package com.copyguard.testing;

import com.copyguard.json.Json;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The packaged service ({@code target/copyguard.jar}) as a separate OS process: what an operator
 * runs, and the only way to test SIGKILL and SIGTERM for real. Failsafe runs after {@code package},
 * so the jar exists in {@code *IT} tests.
 */
public final class JarProcess implements AutoCloseable {
    public static final Path JAR = Path.of("target", "copyguard.jar");
    private static final Pattern LISTENING = Pattern.compile("copyguard listening on port (\\d+)");

    private final Process process;
    private final StringBuffer log = new StringBuffer();
    private final CompletableFuture<Integer> port = new CompletableFuture<>();
    private final Thread reader;
    private final Path dataDir;

    private JarProcess(Process process, Path dataDir) {
        this.process = process;
        this.dataDir = dataDir;
        this.reader = new Thread(this::readOutput, "jar-output-" + process.pid());
        reader.setDaemon(true);
        reader.start();
    }

    /** Starts the service on a free loopback port and waits until it listens. */
    public static JarProcess start(Path dataDir, String... extraArgs) {
        return start(List.of("-Xmx768m"), dataDir, extraArgs);
    }

    public static JarProcess start(List<String> jvmArgs, Path dataDir, String... extraArgs) {
        List<String> args = new ArrayList<>(List.of("--host", "127.0.0.1", "--port", "0", "--data-dir", dataDir.toString()));
        args.addAll(List.of(extraArgs));
        JarProcess p = new JarProcess(launch(jvmArgs, args), dataDir);
        try {
            p.port.get(120, TimeUnit.SECONDS);
        } catch (Exception e) {
            p.process.destroyForcibly();
            throw new IllegalStateException("copyguard did not start: " + e + "\n" + p.log, e);
        }
        return p;
    }

    /** Runs a CLI subcommand to completion; returns its stdout+stderr, failing on a non-zero exit. */
    public static String run(String... args) {
        JarProcess p = new JarProcess(launch(List.of("-Xmx768m"), List.of(args)), null);
        int code = p.waitFor(300);
        if (code != 0) {
            throw new IllegalStateException("copyguard " + String.join(" ", args) + " exited " + code + "\n" + p.log);
        }
        return p.log();
    }

    /** {@code state-hash} of a data directory: the last JSON line it prints. */
    public static JsonNode stateHash(Path dataDir, boolean noSnapshot) {
        String out = noSnapshot ? run("state-hash", "--data-dir", dataDir.toString(), "--no-snapshot")
                : run("state-hash", "--data-dir", dataDir.toString());
        String[] lines = out.split("\n");
        for (int i = lines.length - 1; i >= 0; i--) {
            if (lines[i].startsWith("{\"seq\"")) {
                try {
                    return Json.MAPPER.readTree(lines[i]);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            }
        }
        throw new IllegalStateException("state-hash printed no result:\n" + out);
    }

    private static Process launch(List<String> jvmArgs, List<String> args) {
        if (!Files.isRegularFile(JAR)) {
            throw new IllegalStateException(JAR.toAbsolutePath() + " is missing: run mvn package (or verify) first");
        }
        List<String> cmd = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString()));
        cmd.addAll(jvmArgs);
        cmd.addAll(List.of("-jar", JAR.toString()));
        cmd.addAll(args);
        try {
            return new ProcessBuilder(cmd).directory(Path.of("").toAbsolutePath().toFile()).redirectErrorStream(true)
                    .start();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private void readOutput() {
        try (BufferedReader in = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
            String line;
            while ((line = in.readLine()) != null) {
                log.append(line).append('\n');
                Matcher m = LISTENING.matcher(line);
                if (m.find()) {
                    port.complete(Integer.parseInt(m.group(1)));
                }
            }
        } catch (IOException e) {
            // the process went away
        }
        port.completeExceptionally(new IllegalStateException("the process closed its output before listening"));
    }

    public int port() {
        return port.join();
    }

    public ApiClient api() {
        return new ApiClient(port(), ApiClient.adminToken(dataDir));
    }

    /**
     * Everything the process printed. Structured messages are JSON strings inside JSON log lines,
     * so their quotes are unescaped here for tests that look for fields in them.
     */
    public String log() {
        return log.toString().replace("\\\"", "\"");
    }

    public long pid() {
        return process.pid();
    }

    /** SIGKILL: no shutdown hook, no snapshot, no flush; what a crash or an OOM killer does. */
    public void kill() {
        process.toHandle().destroyForcibly();
        waitFor(60);
    }

    /**
     * SIGTERM; returns the exit code. Sent through the ProcessHandle because Process.destroy() also
     * closes our end of the process's output, which would lose its last log lines.
     */
    public int terminate() {
        process.toHandle().destroy();
        return waitFor(120);
    }

    private int waitFor(int seconds) {
        try {
            if (!process.waitFor(seconds, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                throw new IllegalStateException("copyguard did not exit within " + seconds + " s\n" + log);
            }
            // the output ends when the process does: wait for the reader to take the last lines
            reader.join(TimeUnit.SECONDS.toMillis(30));
            return process.exitValue();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    @Override
    public void close() {
        if (process.isAlive()) {
            process.destroyForcibly();
        }
    }
}
