package com.copyguard.core.engine;

import com.copyguard.core.command.Sender;
import com.copyguard.core.model.FillAction;
import com.copyguard.core.model.Outcome;
import com.copyguard.core.model.ReasonCode;
import java.math.BigDecimal;
import java.util.List;
import java.util.Map;

/**
 * A copy decision in full: what was decided for which fill, why ({@code reason} absent when copied
 * in full), by which rule set and rules, the values they compared, and who sent the fill.
 */
public record DecisionView(String fillId, String expertId, String subscriptionId, String symbol, FillAction action,
                           Outcome outcome, ReasonCode reason, BigDecimal qty, BigDecimal price, BigDecimal margin,
                           Integer leverage, String ruleSet, List<String> rulesFired, Map<String, String> explanation,
                           long time, Sender fillSentBy) {
    public static DecisionView of(DecisionRecord d) {
        return new DecisionView(d.fillId(), d.expertId(), d.subscriptionId(), d.symbol(), d.action(), d.outcome(),
                d.reason(), d.qty(), d.price(), d.margin(), d.leverage(), d.ruleSet(), d.rulesFired(), d.explanation(),
                d.time(), d.fillSentBy());
    }
}
