package com.copyguard.core.command;


/** Changes any subset of a subscription's settings; applies to existing and future positions. */
public record PatchSettings(String subscriptionId, SettingsPatch patch) implements Command {
    @Override
    public Long eventTime() {
        return null;
    }
}
