package com.copyguard.replay;

import com.copyguard.command.ActivateRules;
import com.copyguard.engine.DecisionRecord;
import com.copyguard.engine.Engine;
import com.copyguard.ledger.Subscription;
import com.copyguard.replay.ReplayComparison.DecisionDifference;
import com.copyguard.replay.ReplayComparison.FollowerComparison;
import com.copyguard.replay.ReplayComparison.SubscriptionComparison;
import com.copyguard.rules.RuleCompilationException;
import com.copyguard.rules.RuleSet;
import com.copyguard.rules.RuleSetLoader;
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
    private WhatIfReplay() {
    }

    /**
     * @param baseline the rules of the actual run when the recording does not carry them (null:
     *                 the recording's activations, else the versions it names, else rules/ACTIVE)
     */
    public static ReplayComparison run(RecordedInput input, RuleSet whatIf, RuleSetLoader library, RuleSet baseline)
            throws RuleCompilationException, IOException {
        ReplayRun actual = ReplayRun.actual(baseline != null ? baseline : initialRules(input, library), library);
        actual.replay(input);
        ReplayRun candidate = ReplayRun.whatIf(whatIf);
        candidate.replay(input);
        return compare(input, actual, candidate, whatIf);
    }

    private static RuleSet initialRules(RecordedInput input, RuleSetLoader library)
            throws RuleCompilationException, IOException {
        for (RecordedInput.Entry e : input.entries()) {
            if (e.command() instanceof ActivateRules a) {
                return RuleSetLoader.compile(a.source());
            }
            if (e.ruleSet() != null) {
                return library.load(e.ruleSet());
            }
        }
        Path active = library.rulesRoot().resolve("ACTIVE");
        if (!Files.isRegularFile(active)) {
            throw new IOException("the recording does not say which rules applied it and " + active
                    + " does not exist: pass --baseline");
        }
        return library.load(Files.readString(active).trim());
    }

    private static ReplayComparison compare(RecordedInput input, ReplayRun actualRun, ReplayRun whatIfRun,
                                            RuleSet whatIf) {
        Engine actual = actualRun.engine();
        Engine candidate = whatIfRun.engine();
        Map<String, DecisionRecord> candidateDecisions = new LinkedHashMap<>();
        for (DecisionRecord d : candidate.decisions().query(null, null, Integer.MAX_VALUE)) {
            candidateDecisions.put(key(d), d);
        }
        Map<String, List<DecisionDifference>> bySubscription = new LinkedHashMap<>();
        int compared = 0;
        int differing = 0;
        for (DecisionRecord a : actual.decisions().query(null, null, Integer.MAX_VALUE)) {
            DecisionRecord w = candidateDecisions.remove(key(a));
            compared++;
            if (w == null || a.decision().differsFrom(w.decision())) {
                differing++;
                bySubscription.computeIfAbsent(a.subscriptionId(), k -> new ArrayList<>()).add(difference(a, w));
            }
        }
        for (DecisionRecord w : candidateDecisions.values()) {
            differing++;
            bySubscription.computeIfAbsent(w.subscriptionId(), k -> new ArrayList<>()).add(difference(null, w));
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
        return new ReplayComparison(input.origin(), input.entries().size(), List.copyOf(actualRun.versionsUsed()),
                whatIf.version(), whatIf.description(), compared, differing, List.copyOf(actualRun.refusals()),
                List.copyOf(whatIfRun.refusals()), List.copyOf(followers));
    }

    private static String key(DecisionRecord d) {
        return d.expertId() + "/" + d.fillId() + "/" + d.subscriptionId();
    }

    private static DecisionDifference difference(DecisionRecord a, DecisionRecord w) {
        DecisionRecord any = a != null ? a : w;
        return new DecisionDifference(any.expertId(), any.fillId(), any.symbol(), any.action().name(), any.time(), a, w);
    }
}
