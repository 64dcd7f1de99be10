package com.copyguard.scenario;

import com.copyguard.engine.DecisionRecord;
import java.util.List;
import java.util.Map;

/**
 * How one scenario went: passed, or the list of mismatches (or the error that kept it from
 * running), with the decisions the "when" inputs actually produced and the follower/expert
 * behind each subscription id, for the report.
 */
public record ScenarioResult(String name, String description, List<String> failures, List<DecisionRecord> decisions,
                             Map<String, String> subscriptionNames) {

    public boolean passed() {
        return failures.isEmpty();
    }
}
