package com.copyguard.core.rules;

import com.copyguard.core.rules.facts.RuleDecision;
import org.kie.api.event.rule.AfterMatchFiredEvent;
import org.kie.api.event.rule.DefaultAgendaEventListener;

/** Notes on each decision fact the names of the rules that fired on it. */
final class FiredRuleRecorder extends DefaultAgendaEventListener {
    static final FiredRuleRecorder INSTANCE = new FiredRuleRecorder();

    @Override
    public void afterMatchFired(AfterMatchFiredEvent event) {
        if (event.getMatch().getRule().getMetaData().containsKey(RuleSet.TRIGGER_PRICE)) {
            // declaring where a trigger would fire decides nothing: it is not among the rules that decided
            return;
        }
        String rule = event.getMatch().getRule().getName();
        for (Object o : event.getMatch().getObjects()) {
            if (o instanceof RuleDecision d) {
                d.recordFired(rule);
            }
        }
    }
}
