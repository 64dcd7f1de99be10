package com.copyguard.core.rules;

import org.kie.api.KieBase;
import org.kie.api.builder.ReleaseId;
import org.kie.api.definition.KiePackage;

/** A compiled, immutable version of the rules. Thread-safe: sessions are made per evaluation. */
public record RuleSet(RuleSource source, KieBase kieBase, ReleaseId releaseId) {
    /**
     * Metadata ({@code @triggerPrice}) of the rules that declare where risk triggers fire
     * ({@link com.copyguard.core.rules.facts.TriggerPrices}); they decide nothing, so they are not
     * listed among the rules that fired on a decision.
     */
    public static final String TRIGGER_PRICE = "triggerPrice";

    /**
     * True when the version declares its trigger prices (has {@code @triggerPrice} rules): the engine
     * then re-evaluates risk only where a price crosses one; otherwise every tick checks every holder.
     */
    public boolean declaresTriggerPrices() {
        for (KiePackage p : kieBase.getKiePackages()) {
            for (org.kie.api.definition.rule.Rule r : p.getRules()) {
                if (r.getMetaData().containsKey(TRIGGER_PRICE)) {
                    return true;
                }
            }
        }
        return false;
    }

    public String version() {
        return source.version();
    }

    public String description() {
        return source.description();
    }

    /** How many rules the version holds. */
    public int ruleCount() {
        int n = 0;
        for (KiePackage p : kieBase.getKiePackages()) {
            n += p.getRules().size();
        }
        return n;
    }
}
