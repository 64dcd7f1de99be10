package com.copyguard.durability.replay;

import com.copyguard.core.rules.RuleSet;

/** Finds a rule set version by name (e.g. compiles rules/&lt;version&gt;); may throw when it is gone. */
@FunctionalInterface
public interface RuleVersions {
    RuleSet load(String version) throws Exception;
}
