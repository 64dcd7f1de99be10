package com.copyguard.core.engine;

import com.copyguard.core.model.CopyDecision;
import com.copyguard.core.model.FillAction;
import com.copyguard.core.model.Outcome;
import com.copyguard.core.model.ReasonCode;
import java.math.BigDecimal;
import java.util.List;
import java.util.Map;

/** One subscription's decision on one expert fill, as logged and served by GET /decisions; {@code fillSentBy}: the feed that sent the fill. */
public record DecisionRecord(String fillId, String expertId, String subscriptionId, String symbol, FillAction action,
                             Outcome outcome, ReasonCode reason, BigDecimal qty, BigDecimal price, BigDecimal margin,
                             Integer leverage, String ruleSet, List<String> rulesFired, Map<String, String> explanation,
                             long time, com.copyguard.core.command.Sender fillSentBy) {

    /**
     * The log keeps up to {@link DecisionLog#CAPACITY} of these: equal rule paths share one list and
     * the compared values are held compactly, whoever builds the record (the engine or a snapshot).
     */
    public DecisionRecord {
        rulesFired = rulesFired == null ? null : RulesFiredLists.of(rulesFired);
        explanation = explanation == null ? null : CompactExplanation.of(explanation);
    }

    /** What a comparison between rule sets looks at (shadow runs, what-if replays). */
    public CopyDecision decision() {
        return new CopyDecision(outcome, reason, qty);
    }
}
