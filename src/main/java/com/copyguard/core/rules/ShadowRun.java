package com.copyguard.core.rules;

import com.copyguard.core.model.DecisionDiff;
import com.copyguard.core.rules.RuleEvaluator;
import com.copyguard.core.refusal.RuleFailure;
import com.copyguard.core.rules.RuleSet;
import com.copyguard.core.rules.facts.ExpertOrder;
import com.copyguard.core.rules.facts.RuleDecision;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.UnaryOperator;

/**
 * A candidate rule set evaluated beside the active one on every live fill, never acted on. The
 * engine hands it the active version's decided facts and a way to build fresh ones from the same
 * ledger state; this class evaluates the fresh facts with the candidate and counts what differs.
 * Only the writer thread touches it, so it needs no locking. A candidate that throws or runs away
 * is counted and otherwise ignored: the live input is unaffected.
 */
public final class ShadowRun {
    /** Most recent differences kept as examples. */
    public static final int EXAMPLES = 50;

    private RuleSet candidate;
    private long fills;
    private long compared;
    private long differing;
    private long failures;
    private String lastFailure;
    private final Map<String, Long> byChange = new TreeMap<>();
    private final Deque<ShadowDifference> examples = new ArrayDeque<>();
    private final DecisionDiff<CopyVerdict> diff = new DecisionDiff<>(CopyVerdict::subscriptionId, CopyVerdict::decision);

    /** Starts comparing {@code rules} from the next input on, with fresh counts. */
    public void start(RuleSet rules) {
        if (candidate != null && candidate != rules) {
            candidate.releaseSessions();
        }
        candidate = rules;
        fills = 0;
        compared = 0;
        differing = 0;
        failures = 0;
        lastFailure = null;
        byChange.clear();
        examples.clear();
    }

    /** Stops the run; returns the final report, or null when none was running. */
    public ShadowReport stop() {
        if (candidate == null) {
            return null;
        }
        ShadowReport last = report();
        // its idle sessions go; if the candidate is (or becomes) the active set it simply starts new ones
        candidate.releaseSessions();
        candidate = null;
        return last;
    }

    /** The candidate being compared, or null. */
    RuleSet candidate() {
        return candidate;
    }

    public boolean running() {
        return candidate != null;
    }

    /**
     * Evaluates fresh copies of {@code live} with the candidate and records every per-subscription
     * difference. {@code live} must already be decided by the active version; {@code fresh} builds
     * an undecided fact from the same ledger state for one live fact.
     */
    public <T extends RuleDecision> void compare(ExpertOrder order, List<T> live, UnaryOperator<T> fresh) {
        if (candidate == null || live.isEmpty()) {
            return;
        }
        fills++;
        List<T> copies = new ArrayList<>(live.size());
        for (T t : live) {
            copies.add(fresh.apply(t));
        }
        try {
            RuleEvaluator.evaluate(candidate, copies);
        } catch (RuleFailure e) {
            failures++;
            lastFailure = e.errorCode() + ": " + e.getMessage();
            return;
        }
        List<CopyVerdict> active = new ArrayList<>(live.size());
        List<CopyVerdict> shadow = new ArrayList<>(copies.size());
        live.forEach(t -> active.add(CopyVerdict.of(t)));
        copies.forEach(t -> shadow.add(CopyVerdict.of(t)));
        DecisionDiff.Result<CopyVerdict> result = diff.compare(active, shadow);
        compared += result.compared();
        for (DecisionDiff.Difference<CopyVerdict> d : result.differences()) {
            differing++;
            ShadowDifference sd = new ShadowDifference(order.getExpertId(), order.getFillId(), order.getSymbol(),
                    (order.isOpening() ? "OPEN_" : "CLOSE_") + order.getSide(), order.getTime(), d.before(), d.after());
            byChange.merge(sd.change(), 1L, Long::sum);
            if (examples.size() == EXAMPLES) {
                examples.removeFirst();
            }
            examples.addLast(sd);
        }
    }

    public ShadowReport report() {
        if (candidate == null) {
            return null;
        }
        return new ShadowReport(candidate.version(), candidate.description(), fills, compared, differing, failures,
                lastFailure, Map.copyOf(byChange), List.copyOf(examples));
    }
}
