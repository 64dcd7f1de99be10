package com.copyguard.core.engine;

import com.copyguard.core.refusal.RefusalCode;
import com.copyguard.core.command.ActivateRules;
import com.copyguard.core.refusal.InputRefused;
import com.copyguard.core.rules.ActiveRules;
import com.copyguard.core.rules.RuleCompilationException;
import com.copyguard.core.rules.RuleSet;

/**
 * Applies rule set activations. The swap happens between two inputs on the writer thread, so every
 * decision is made wholly by one version. The HTTP side has compiled the version already (it is in
 * the cache); a journaled activation being replayed compiles here on a cache miss.
 */
public final class RulesProcessor {
    private final ActiveRules rules;
    private final EngineEvents events;
    /** The latest activation: version, proposal and the people behind it (GET /rules shows it). */
    private Activation last;

    /** Who activated which version: {@code proposedBy}/{@code approvedBy} are set under four eyes. */
    public record Activation(String version, String proposalId, com.copyguard.core.command.Sender proposedBy,
                             com.copyguard.core.command.Sender approvedBy) {
    }

    RulesProcessor(ActiveRules rules, EngineEvents events) {
        this.rules = rules;
        this.events = events;
    }

    Activation last() {
        return last;
    }

    /** Puts back the latest activation recorded in a snapshot (the rules themselves are wiring, re-activated apart). */
    void restore(Activation activation) {
        last = activation;
    }

    Result activate(ActivateRules c) {
        RuleSet next;
        try {
            next = rules.compiled().compile(c.source());
        } catch (RuleCompilationException e) {
            // Live activations were compiled before they were submitted, so this is a journaled
            // activation whose text no longer compiles with this build (fact classes changed).
            throw new InputRefused(RefusalCode.RULES_INVALID, "rule set " + c.version()
                    + " cannot be (re)activated: its text does not compile with this build: " + e.getMessage());
        }
        String previous = rules.get().version();
        rules.swap(next);
        last = new Activation(next.version(), c.proposalId(), c.proposedBy(), c.approvedBy());
        events.rulesActivated(next.version(), previous);
        boolean proposed = c.proposalId() != null;
        return new RulesActivated(next.version(), next.description(), previous, next.ruleCount(),
                next.source().fingerprint(), c.proposalId(), proposed ? c.proposedBy() : null,
                proposed ? c.approvedBy() : null);
    }
}
