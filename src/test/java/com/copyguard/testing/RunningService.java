package com.copyguard.testing;

import com.copyguard.app.CopyguardService;
import com.copyguard.app.ServiceConfig;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The real service in-process: real rules from {@code rules/}, a real SQLite journal in a fresh
 * temporary directory, real HTTP on a random loopback port.
 */
public final class RunningService implements AutoCloseable {
    private final CopyguardService service;
    private final ApiClient api;
    private final Path dataDir;

    private RunningService(CopyguardService service, Path dataDir) {
        this.service = service;
        this.dataDir = dataDir;
        this.api = new ApiClient(service.port(), ApiClient.adminToken(dataDir));
    }

    public static RunningService start() {
        try {
            return start(Files.createTempDirectory("copyguard-it"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static RunningService start(Path dataDir) {
        return start(new ServiceConfig("127.0.0.1", 0, dataDir, Path.of("rules"), null, null));
    }

    public static RunningService start(ServiceConfig config) {
        try {
            return new RunningService(new CopyguardService(config).start(), config.dataDir());
        } catch (Exception e) {
            throw new IllegalStateException("service did not start", e);
        }
    }

    public ApiClient api() {
        return api;
    }

    public CopyguardService service() {
        return service;
    }

    public Path dataDir() {
        return dataDir;
    }

    @Override
    public void close() {
        service.close();
    }
}
