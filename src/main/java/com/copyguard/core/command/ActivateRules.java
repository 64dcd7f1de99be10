package com.copyguard.core.command;

import com.copyguard.core.rules.RuleSource;
import java.util.Collections;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * Makes a rule set version the active one from the next input on. It carries the version's full
 * text (manifest fields and DRL files), so replaying the journal compiles exactly what decided,
 * whatever happened to the rules folder since. An activation under four eyes also carries its
 * proposal and both people: who proposed it and who approved it (null otherwise, and in journals
 * written before proposals existed).
 */
public record ActivateRules(String version, String description, SortedMap<String, String> files, String proposalId,
                            Sender proposedBy, Sender approvedBy) implements Command {

    public ActivateRules {
        files = Collections.unmodifiableSortedMap(new TreeMap<>(files));
    }

    public ActivateRules(String version, String description, SortedMap<String, String> files) {
        this(version, description, files, null, null, null);
    }

    /** This activation as the approval of proposal {@code id}, made by {@code proposer} and approved by {@code approver}. */
    public ActivateRules approved(String id, Sender proposer, Sender approver) {
        return new ActivateRules(version, description, files, id, proposer, approver);
    }

    public static ActivateRules of(RuleSource source) {
        return new ActivateRules(source.version(), source.description(), source.files());
    }

    public static ActivateRules of(String version, String description, Map<String, String> files) {
        return new ActivateRules(version, description, new TreeMap<>(files));
    }

    public RuleSource source() {
        return new RuleSource(version, description, files);
    }

    @Override
    public Long eventTime() {
        return null;
    }
}
