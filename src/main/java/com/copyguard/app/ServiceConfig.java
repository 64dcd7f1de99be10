package com.copyguard.app;

import com.copyguard.durability.DurabilitySettings;
import java.nio.file.Path;

/**
 * How to run the service. {@code rulesVersion} null means the version named in
 * {@code <rulesDir>/ACTIVE}; {@code instrumentsFile} null means the built-in catalog;
 * {@code durability} is the snapshot policy.
 */
public record ServiceConfig(String host, int port, Path dataDir, Path rulesDir, String rulesVersion,
                            Path instrumentsFile, DurabilitySettings durability) {

    public ServiceConfig(String host, int port, Path dataDir, Path rulesDir, String rulesVersion, Path instrumentsFile) {
        this(host, port, dataDir, rulesDir, rulesVersion, instrumentsFile, DurabilitySettings.DEFAULTS);
    }

    public ServiceConfig withDurability(DurabilitySettings settings) {
        return new ServiceConfig(host, port, dataDir, rulesDir, rulesVersion, instrumentsFile, settings);
    }
}
