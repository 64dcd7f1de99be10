package com.copyguard.app.scenario;

import com.copyguard.core.engine.DecisionRecord;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * How one scenario went: passed, or the list of mismatches (or the error that kept it from
 * running), with the decisions the "when" inputs actually produced and the follower/expert
 * behind each subscription id, for the report. {@code rulesFired} are the rules that fired on the
 * "when" inputs (decisions, risk actions, withdrawals): the mutation report names the scenarios
 * near a mutated rule.
 */
public record ScenarioResult(String name, String description, List<String> failures, List<DecisionRecord> decisions,
                             Map<String, String> subscriptionNames, Set<String> rulesFired) {

    public boolean passed() {
        return failures.isEmpty();
    }
}
