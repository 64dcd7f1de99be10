package com.copyguard.app;

import com.copyguard.durability.DurabilitySettings;
import com.copyguard.durability.writer.WallClockGuard;
import com.copyguard.durability.writer.WriterWatchdog;
import com.copyguard.api.security.SecurityOptions;
import java.nio.file.Path;
import java.time.Duration;

/**
 * How to run the service. {@code rulesVersion} null means the version named in
 * {@code <rulesDir>/ACTIVE}; {@code instrumentsFile} null means the built-in catalog;
 * {@code durability} is the snapshot policy; {@code maxTimeAhead} how far ahead of the wall clock an
 * input's event time may be; {@code writerStallAfter} how long one input may take before the writer
 * counts as stalled; {@code security} the token issuers and TLS.
 */
public record ServiceConfig(String host, int port, Path dataDir, Path rulesDir, String rulesVersion,
                            Path instrumentsFile, DurabilitySettings durability, Duration maxTimeAhead,
                            Duration writerStallAfter, SecurityOptions security) {

    public ServiceConfig(String host, int port, Path dataDir, Path rulesDir, String rulesVersion, Path instrumentsFile) {
        this(host, port, dataDir, rulesDir, rulesVersion, instrumentsFile, DurabilitySettings.DEFAULTS);
    }

    public ServiceConfig(String host, int port, Path dataDir, Path rulesDir, String rulesVersion, Path instrumentsFile,
                         DurabilitySettings durability) {
        this(host, port, dataDir, rulesDir, rulesVersion, instrumentsFile, durability,
                WallClockGuard.DEFAULT_MAX_AHEAD, WriterWatchdog.DEFAULT_STALL_AFTER, SecurityOptions.DEFAULTS);
    }

    public ServiceConfig withDurability(DurabilitySettings settings) {
        return new ServiceConfig(host, port, dataDir, rulesDir, rulesVersion, instrumentsFile, settings, maxTimeAhead,
                writerStallAfter, security);
    }

    /** How far ahead of the wall clock an input's event time may be when it arrives. */
    public ServiceConfig withMaxTimeAhead(Duration maxAhead) {
        return new ServiceConfig(host, port, dataDir, rulesDir, rulesVersion, instrumentsFile, durability, maxAhead,
                writerStallAfter, security);
    }

    /** How long applying one input may take before the writer counts as stalled (see WriterWatchdog). */
    public ServiceConfig withWriterStallAfter(Duration bound) {
        return new ServiceConfig(host, port, dataDir, rulesDir, rulesVersion, instrumentsFile, durability, maxTimeAhead,
                bound, security);
    }

    public ServiceConfig withSecurity(SecurityOptions options) {
        return new ServiceConfig(host, port, dataDir, rulesDir, rulesVersion, instrumentsFile, durability, maxTimeAhead,
                writerStallAfter, options);
    }
}
