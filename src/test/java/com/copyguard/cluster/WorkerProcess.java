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

/** {@code java -jar target/copyguard.jar cluster ...} as a separate JVM (a worker, or all parts), to be killed with SIGKILL. */
final class WorkerProcess implements AutoCloseable {
    private static final Path JAR = Path.of("target", "copyguard.jar");
    private final Process process;
    private final StringBuffer log = new StringBuffer();
    private final CompletableFuture<Void> running = new CompletableFuture<>();
    private final CompletableFuture<Integer> ingressPort = new CompletableFuture<>();

    private WorkerProcess(Process process) {
        this.process = process;
        Thread reader = new Thread(this::read, "worker-output-" + process.pid());
        reader.setDaemon(true);
        reader.start();
    }

    static WorkerProcess start(String bootstrap, Topics topics, Path snapshots, String name) {
        return launch(List.of("cluster", "worker", "--bootstrap-servers", bootstrap,
                "--topic-prefix", topics.prefix(), "--replication", "1", "--snapshot-dir", snapshots.toString(),
                "--snapshot-every", "25", "--name", name));
    }

    /** {@code java -jar copyguard.jar ARGS...}, waiting until it says it runs. */
    static WorkerProcess launch(List<String> args) {
        if (!Files.isRegularFile(JAR)) {
            throw new IllegalStateException(JAR.toAbsolutePath() + " is missing: run mvn package (or verify) first");
        }
        List<String> cmd = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx768m", "-jar", JAR.toString()));
        cmd.addAll(args);
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
                java.util.regex.Matcher m = java.util.regex.Pattern.compile("ingress listening on port (\\d+)").matcher(line);
                if (m.find()) {
                    ingressPort.complete(Integer.parseInt(m.group(1)));
                }
                if (line.startsWith("copyguard cluster running")) {
                    running.complete(null);
                }
            }
        } catch (IOException e) {
            // the process went away
        }
        running.completeExceptionally(new IllegalStateException("the worker exited:\n" + log));
    }

    /** The port the ingress of this process listens on (it must run one). */
    int ingressPort() {
        return ingressPort.getNow(-1);
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
