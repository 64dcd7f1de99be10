package com.copyguard.app;

import com.copyguard.core.engine.Engine;
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
 * counts as stalled; {@code security} the token issuers and TLS; {@code riskSweepEvery} how many price
 * ticks pass between two full risk scans, the risk index's safety net (1 to {@link #MAX_RISK_SWEEP_EVERY}).
 */
public record ServiceConfig(String host, int port, Path dataDir, Path rulesDir, String rulesVersion,
                            Path instrumentsFile, DurabilitySettings durability, Duration maxTimeAhead,
                            Duration writerStallAfter, SecurityOptions security, int riskSweepEvery) {
    /**
     * The longest sweep interval accepted: past it the safety net would hardly ever run, and a miss
     * (which must never happen, but is what the net is for) could go unseen for days of ticks.
     */
    public static final int MAX_RISK_SWEEP_EVERY = Engine.MAX_RISK_SWEEP_EVERY;

    public ServiceConfig {
        if (riskSweepEvery < 1 || riskSweepEvery > MAX_RISK_SWEEP_EVERY) {
            throw new IllegalArgumentException("the risk sweep interval must be 1 to " + MAX_RISK_SWEEP_EVERY
                    + " ticks, not " + riskSweepEvery);
        }
    }

    public ServiceConfig(String host, int port, Path dataDir, Path rulesDir, String rulesVersion, Path instrumentsFile) {
        this(host, port, dataDir, rulesDir, rulesVersion, instrumentsFile, DurabilitySettings.DEFAULTS);
    }

    public ServiceConfig(String host, int port, Path dataDir, Path rulesDir, String rulesVersion, Path instrumentsFile,
                         DurabilitySettings durability) {
        this(host, port, dataDir, rulesDir, rulesVersion, instrumentsFile, durability,
                WallClockGuard.DEFAULT_MAX_AHEAD, WriterWatchdog.DEFAULT_STALL_AFTER, SecurityOptions.DEFAULTS,
                Engine.DEFAULT_RISK_SWEEP_EVERY);
    }

    public ServiceConfig withDurability(DurabilitySettings settings) {
        return new ServiceConfig(host, port, dataDir, rulesDir, rulesVersion, instrumentsFile, settings, maxTimeAhead,
                writerStallAfter, security, riskSweepEvery);
    }

    /** How far ahead of the wall clock an input's event time may be when it arrives. */
    public ServiceConfig withMaxTimeAhead(Duration maxAhead) {
        return new ServiceConfig(host, port, dataDir, rulesDir, rulesVersion, instrumentsFile, durability, maxAhead,
                writerStallAfter, security, riskSweepEvery);
    }

    /** How long applying one input may take before the writer counts as stalled (see WriterWatchdog). */
    public ServiceConfig withWriterStallAfter(Duration bound) {
        return new ServiceConfig(host, port, dataDir, rulesDir, rulesVersion, instrumentsFile, durability, maxTimeAhead,
                bound, security, riskSweepEvery);
    }

    /** Price ticks between two full risk scans (the risk index's safety net; see Engine.sweepRiskEvery). */
    public ServiceConfig withRiskSweepEvery(int ticks) {
        return new ServiceConfig(host, port, dataDir, rulesDir, rulesVersion, instrumentsFile, durability, maxTimeAhead,
                writerStallAfter, security, ticks);
    }

    public ServiceConfig withSecurity(SecurityOptions options) {
        return new ServiceConfig(host, port, dataDir, rulesDir, rulesVersion, instrumentsFile, durability, maxTimeAhead,
                writerStallAfter, options, riskSweepEvery);
    }
}
