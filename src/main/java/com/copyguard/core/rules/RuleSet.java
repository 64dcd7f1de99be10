package com.copyguard.core.rules;

import org.kie.api.KieBase;
import org.kie.api.builder.ReleaseId;
import org.kie.api.definition.KiePackage;

/** A compiled, immutable version of the rules. Thread-safe: sessions are made per evaluation. */
public record RuleSet(RuleSource source, KieBase kieBase, ReleaseId releaseId) {

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
