package com.copyguard.durability.replay;

import com.copyguard.core.model.DecisionDiff;
import com.copyguard.durability.replay.Replayer;
import com.copyguard.durability.replay.RuleSetInForce;
import com.copyguard.durability.replay.UnavailableRuleVersionException;
import com.copyguard.core.engine.DecisionRecord;
import com.copyguard.core.engine.Engine;
import com.copyguard.core.ledger.Subscription;
import com.copyguard.durability.replay.ReplayComparison.DecisionDifference;
import com.copyguard.durability.replay.ReplayComparison.FollowerComparison;
import com.copyguard.durability.replay.ReplayComparison.SubscriptionComparison;
import com.copyguard.core.rules.ActiveRules;
import com.copyguard.core.rules.RuleCompilationException;
import com.copyguard.core.rules.RuleSet;
import com.copyguard.core.rules.RuleSetLoader;
import com.copyguard.core.screening.EngineAssembly;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Replays a recorded session twice, as it actually ran and under a candidate rule set, and compares
 * the two per follower: PnL figures and every copy decision that differs (outcome, reason or
 * quantity). Both runs are deterministic replays of the same inputs through the real engine.
 */
public final class WhatIfReplay {
    private static final DecisionDiff<DecisionRecord> DIFF = new DecisionDiff<>(
            d -> d.expertId() + "/" + d.fillId() + "/" + d.subscriptionId(), DecisionRecord::decision);

    private WhatIfReplay() {
    }

    /** One run: the engine it ran, the versions that applied its inputs and what it refused. */
    private record Run(Engine engine, List<String> versionsUsed, List<ReplayRefusal> refusals) {
    }

    /**
     * @param baseline the rules of the actual run when the recording does not carry them (null:
     *                 the recording's activations, else the versions it names, else rules/ACTIVE)
     */
    public static ReplayComparison run(RecordedInput input, RuleSet whatIf, RuleSetLoader library, RuleSet baseline)
            throws RuleCompilationException, IOException {
        RuleSet initial = baseline != null ? baseline : initialRules(input, library);
        Run actual;
        try {
            // "Actual" honours the rule sets the recording says applied each input (journaled
            // activations, else the version named per entry); "what-if" pins one rule set.
            actual = run(input, RuleSetInForce.asRecorded(initial, library::load, RuleSetInForce.Unavailable.FAIL), initial);
        } catch (UnavailableRuleVersionException e) {
            if (e.getCause() instanceof RuleCompilationException c) {
                throw c;
            }
            throw new IOException(e.getMessage(), e);
        }
        Run candidate = run(input, RuleSetInForce.pinned(whatIf), whatIf);
        return compare(input, actual, candidate, whatIf);
    }

    private static Run run(RecordedInput input, RuleSetInForce rules, RuleSet starting) {
        Replayer replayer = new Replayer(EngineAssembly.create(new ActiveRules(starting)), rules);
        List<ReplayRefusal> refusals = new ArrayList<>();
        for (Replayer.Step step : replayer.applyAll(input.entries())) {
            if (step instanceof Replayer.Refused r) {
                refusals.add(new ReplayRefusal(r.entry().seq(), r.entry().command().getClass().getSimpleName(),
                        r.refusal().errorCode(), r.refusal().getMessage()));
            }
        }
        return new Run(replayer.engine(), rules.versionsUsed(), refusals);
    }

    private static RuleSet initialRules(RecordedInput input, RuleSetLoader library)
            throws RuleCompilationException, IOException {
        try {
            var recorded = RuleSetInForce.atStart(input.entries(), library::load);
            if (recorded.isPresent()) {
                return recorded.get();
            }
        } catch (UnavailableRuleVersionException e) {
            throw new IOException(e.getMessage(), e);
        }
        Path active = library.rulesRoot().resolve("ACTIVE");
        if (!Files.isRegularFile(active)) {
            throw new IOException("the recording does not say which rules applied it and " + active
                    + " does not exist: pass --baseline");
        }
        return library.load(Files.readString(active).trim());
    }

    private static ReplayComparison compare(RecordedInput input, Run actualRun, Run whatIfRun, RuleSet whatIf) {
        Engine actual = actualRun.engine();
        Engine candidate = whatIfRun.engine();
        DecisionDiff.Result<DecisionRecord> diff = DIFF.compare(
                actual.decisions().query(null, null, Integer.MAX_VALUE),
                candidate.decisions().query(null, null, Integer.MAX_VALUE));
        Map<String, List<DecisionDifference>> bySubscription = new LinkedHashMap<>();
        for (DecisionDiff.Difference<DecisionRecord> d : diff.differences()) {
            DecisionRecord any = d.before() != null ? d.before() : d.after();
            bySubscription.computeIfAbsent(any.subscriptionId(), k -> new ArrayList<>()).add(new DecisionDifference(
                    any.expertId(), any.fillId(), any.symbol(), any.action().name(), any.time(), d.before(), d.after()));
        }

        Map<String, List<SubscriptionComparison>> byFollower = new LinkedHashMap<>();
        for (Subscription s : actual.ledger().subscriptions()) {
            Subscription other = candidate.ledger().subscription(s.subscriptionId());
            SubscriptionComparison c = new SubscriptionComparison(s.subscriptionId(), s.expertId(), s.mode().name(),
                    s.accountId(), SubscriptionFigures.of(actual, s),
                    other == null ? null : SubscriptionFigures.of(candidate, other),
                    List.copyOf(bySubscription.getOrDefault(s.subscriptionId(), List.of())));
            byFollower.computeIfAbsent(s.followerId(), k -> new ArrayList<>()).add(c);
        }
        List<FollowerComparison> followers = new ArrayList<>();
        byFollower.forEach((f, subs) -> followers.add(new FollowerComparison(f, List.copyOf(subs))));
        return new ReplayComparison(input.origin(), input.entries().size(), actualRun.versionsUsed(),
                whatIf.version(), whatIf.description(), diff.compared(), diff.differences().size(),
                List.copyOf(actualRun.refusals()), List.copyOf(whatIfRun.refusals()), List.copyOf(followers));
    }
}
