package com.copyguard.core.rules.facts;

import com.copyguard.core.model.Decimals;
import com.copyguard.core.model.Outcome;
import com.copyguard.core.model.ReasonCode;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The decision half of a fact: outcome, reason, the rules that fired on it and the values they
 * compared. Rules write it; Java reads it after the session has fired.
 */
public abstract class RuleDecision {
    private Outcome outcome = Outcome.PENDING;
    private ReasonCode reason;
    private final List<String> firedRules = new ArrayList<>(8);
    private final Map<String, String> explanation = new LinkedHashMap<>();

    public Outcome getOutcome() {
        return outcome;
    }

    public ReasonCode getReason() {
        return reason;
    }

    public boolean isUndecided() {
        return outcome == Outcome.PENDING;
    }

    public void reject(ReasonCode code) {
        outcome = Outcome.REJECTED;
        reason = code;
    }

    public void accept() {
        outcome = Outcome.COPIED;
    }

    /** Sets the reason without deciding, e.g. the cap that shrank an accepted copy. */
    protected final void setReason(ReasonCode code) {
        reason = code;
    }

    /** Records a value the deciding rule compared, shown in GET /decisions. */
    public void explain(String name, Object value) {
        explanation.put(name, value instanceof java.math.BigDecimal d ? Decimals.plain(d) : String.valueOf(value));
    }

    public void recordFired(String ruleName) {
        firedRules.add(ruleName);
    }

    public List<String> getFiredRules() {
        return Collections.unmodifiableList(firedRules);
    }

    public Map<String, String> getExplanation() {
        return Collections.unmodifiableMap(explanation);
    }
}
