package com.copyguard.core.rules;

import com.copyguard.core.model.CopyDecision;
import com.copyguard.core.model.Outcome;
import com.copyguard.core.model.ReasonCode;
import com.copyguard.core.rules.facts.CloseCopy;
import com.copyguard.core.rules.facts.OpenCopy;
import com.copyguard.core.rules.facts.RuleDecision;
import java.math.BigDecimal;

/**
 * What a rule set decided for one subscription's copy, reduced to what a shadow run compares:
 * outcome, reason and copied quantity (0 unless copied). An undecided fact counts as the engine
 * treats it, REJECTED with NO_RULE_DECIDED.
 */
public record CopyVerdict(String subscriptionId, Outcome outcome, ReasonCode reason, BigDecimal qty) {

    static CopyVerdict of(RuleDecision d) {
        String subscription;
        BigDecimal qty;
        if (d instanceof OpenCopy o) {
            subscription = o.getFollower().getSubscriptionId();
            qty = o.getQty();
        } else if (d instanceof CloseCopy c) {
            subscription = c.getSubscriptionId();
            qty = c.getQty();
        } else {
            throw new IllegalArgumentException("shadow runs compare copy decisions, not " + d.getClass().getSimpleName());
        }
        if (d.isUndecided()) {
            return new CopyVerdict(subscription, Outcome.REJECTED, ReasonCode.NO_RULE_DECIDED, BigDecimal.ZERO);
        }
        boolean copied = d.getOutcome() == Outcome.COPIED;
        return new CopyVerdict(subscription, d.getOutcome(), d.getReason(),
                copied && qty != null ? qty : BigDecimal.ZERO);
    }

    public CopyDecision decision() {
        return new CopyDecision(outcome, reason, qty);
    }
}
