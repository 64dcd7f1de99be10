package com.copyguard.rules;

import org.kie.api.KieBase;
import org.kie.api.builder.ReleaseId;

/** A compiled, immutable version of the rules. Thread-safe: sessions are made per evaluation. */
public record RuleSet(String version, String description, KieBase kieBase, ReleaseId releaseId) {
}
