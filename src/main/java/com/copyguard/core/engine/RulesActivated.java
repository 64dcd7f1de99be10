package com.copyguard.core.engine;

import com.copyguard.core.command.Sender;

/** A rule set activation: the version now active, the one before, and under four eyes the proposal and its people. */
public record RulesActivated(String active, String description, String previous, int rules, String fingerprint,
                             String proposalId, Sender proposedBy, Sender approvedBy) implements Result {
    @Override
    public boolean changed() {
        return true;
    }
}
