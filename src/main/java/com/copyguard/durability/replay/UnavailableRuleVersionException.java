package com.copyguard.durability.replay;

/**
 * A replay that must run each input under the rule set that applied it met a version it cannot
 * load (a strict replay, such as a what-if's actual run, stops rather than guess).
 */
public final class UnavailableRuleVersionException extends RuntimeException {
    private final String version;

    public UnavailableRuleVersionException(String version, Exception cause) {
        super("rule set " + version + " named by the recording cannot be loaded: " + cause.getMessage(), cause);
        this.version = version;
    }

    public String version() {
        return version;
    }
}
