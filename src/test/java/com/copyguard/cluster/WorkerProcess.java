package com.copyguard.cluster;

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

/** {@code java -jar target/copyguard.jar cluster worker ...} as a separate JVM, to be killed with SIGKILL. */
final class WorkerProcess implements AutoCloseable {
    private static final Path JAR = Path.of("target", "copyguard.jar");
    private final Process process;
    private final StringBuffer log = new StringBuffer();
    private final CompletableFuture<Void> running = new CompletableFuture<>();

    private WorkerProcess(Process process) {
        this.process = process;
        Thread reader = new Thread(this::read, "worker-output-" + process.pid());
        reader.setDaemon(true);
        reader.start();
    }

    static WorkerProcess start(String bootstrap, Topics topics, Path snapshots, String name) {
        if (!Files.isRegularFile(JAR)) {
            throw new IllegalStateException(JAR.toAbsolutePath() + " is missing: run mvn package (or verify) first");
        }
        List<String> cmd = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx512m", "-jar", JAR.toString(), "cluster", "worker", "--bootstrap-servers", bootstrap,
                "--topic-prefix", topics.prefix(), "--replication", "1", "--snapshot-dir", snapshots.toString(),
                "--snapshot-every", "25", "--name", name));
        try {
            WorkerProcess p = new WorkerProcess(new ProcessBuilder(cmd).redirectErrorStream(true).start());
            p.running.get(120, TimeUnit.SECONDS);
            return p;
        } catch (Exception e) {
            throw new IllegalStateException("the worker did not start: " + e, e);
        }
    }

    private void read() {
        try (BufferedReader in = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
            String line;
            while ((line = in.readLine()) != null) {
                log.append(line).append('\n');
                if (line.startsWith("copyguard cluster running")) {
                    running.complete(null);
                }
            }
        } catch (IOException e) {
            // the process went away
        }
        running.completeExceptionally(new IllegalStateException("the worker exited:\n" + log));
    }

    /** SIGKILL: no shutdown hook, no leaving the group, the open transaction left as it is. */
    void kill() {
        process.destroyForcibly();
    }

    /** The exit code once it has exited (137: SIGKILL), or -1 while it runs. */
    int exitCode() {
        return process.isAlive() ? -1 : process.exitValue();
    }

    String log() {
        return log.toString();
    }

    /** SIGTERM, then waits for it to leave the group and exit. */
    @Override
    public void close() {
        process.destroy();
        try {
            if (!process.waitFor(30, TimeUnit.SECONDS)) {
                process.destroyForcibly();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new UncheckedIOException(new IOException(e));
        }
    }
}
