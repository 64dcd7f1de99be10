package com.copyguard.app;

import com.copyguard.durability.DurabilitySettings;
import com.copyguard.security.SecurityOptions;
import java.nio.file.Path;

/**
 * How to run the service. {@code rulesVersion} null means the version named in
 * {@code <rulesDir>/ACTIVE}; {@code instrumentsFile} null means the built-in catalog;
 * {@code durability} is the snapshot policy; {@code security} the token issuers and TLS.
 */
public record ServiceConfig(String host, int port, Path dataDir, Path rulesDir, String rulesVersion,
                            Path instrumentsFile, DurabilitySettings durability, SecurityOptions security) {

    public ServiceConfig(String host, int port, Path dataDir, Path rulesDir, String rulesVersion, Path instrumentsFile) {
        this(host, port, dataDir, rulesDir, rulesVersion, instrumentsFile, DurabilitySettings.DEFAULTS, SecurityOptions.DEFAULTS);
    }

    public ServiceConfig withDurability(DurabilitySettings settings) {
        return new ServiceConfig(host, port, dataDir, rulesDir, rulesVersion, instrumentsFile, settings, security);
    }

    public ServiceConfig withSecurity(SecurityOptions options) {
        return new ServiceConfig(host, port, dataDir, rulesDir, rulesVersion, instrumentsFile, durability, options);
    }
}
