package com.copyguard.rules;

import java.util.Collection;
import org.kie.api.runtime.KieSession;

/**
 * Runs one batch of facts through a rule set in a fresh session. Rules only write to the facts;
 * the ledger is untouched here, so a failure leaves state exactly as it was.
 */
public final class RuleEvaluator {
    /** Firings allowed per fact before the batch counts as a runaway rule. */
    public static final int FIRINGS_PER_FACT = 64;

    private RuleEvaluator() {
    }

    public static int evaluate(RuleSet rules, Collection<?> facts) {
        if (facts.isEmpty()) {
            return 0;
        }
        KieSession session = rules.kieBase().newKieSession();
        try {
            session.addEventListener(FiredRuleRecorder.INSTANCE);
            for (Object fact : facts) {
                session.insert(fact);
            }
            int limit = Math.max(256, facts.size() * FIRINGS_PER_FACT);
            int fired = session.fireAllRules(limit);
            if (fired >= limit) {
                throw new RuleFailure("RULE_RUNAWAY", "rule set " + rules.version() + " fired " + fired
                        + " times on " + facts.size() + " facts without settling; input refused", null);
            }
            return fired;
        } catch (RuleFailure e) {
            throw e;
        } catch (RuntimeException e) {
            Throwable root = e;
            while (root.getCause() != null && root.getCause() != root) {
                root = root.getCause();
            }
            throw new RuleFailure("RULE_FAILED", "rule set " + rules.version() + " failed: " + e.getMessage()
                    + (root != e ? " (" + root + ")" : ""), e);
        } finally {
            session.dispose();
        }
    }
}
