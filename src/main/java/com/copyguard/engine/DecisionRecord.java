package com.copyguard.engine;

import com.copyguard.domain.FillAction;
import com.copyguard.domain.Outcome;
import com.copyguard.domain.ReasonCode;
import java.math.BigDecimal;
import java.util.List;
import java.util.Map;

/** One subscription's decision on one expert fill, as logged and served by GET /decisions; {@code fillSentBy}: the feed that sent the fill. */
public record DecisionRecord(String fillId, String expertId, String subscriptionId, String symbol, FillAction action,
                             Outcome outcome, ReasonCode reason, BigDecimal qty, BigDecimal price, BigDecimal margin,
                             Integer leverage, String ruleSet, List<String> rulesFired, Map<String, String> explanation,
                             long time, com.copyguard.command.Sender fillSentBy) {
}
