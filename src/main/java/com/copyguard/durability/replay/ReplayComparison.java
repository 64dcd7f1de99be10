package com.copyguard.durability.replay;

import com.copyguard.core.engine.DecisionRecord;
import java.util.List;

/**
 * What a rule set would have changed in a recorded session: per follower and subscription the
 * figures of the actual run and the what-if run, and every copy decision that differs.
 */
public record ReplayComparison(String origin, int inputs, List<String> actualVersions, String whatIfVersion,
                               String whatIfDescription, int decisionsCompared, int decisionsDiffering,
                               List<ReplayRefusal> actualRefusals, List<ReplayRefusal> whatIfRefusals,
                               List<FollowerComparison> followers) {

    public record FollowerComparison(String followerId, List<SubscriptionComparison> subscriptions) {
        public boolean differs() {
            return subscriptions.stream().anyMatch(SubscriptionComparison::differs);
        }
    }

    /** {@code whatIf} is null when the subscription does not exist in the what-if run. */
    public record SubscriptionComparison(String subscriptionId, String expertId, String mode, String accountId,
                                         SubscriptionFigures actual, SubscriptionFigures whatIf,
                                         List<DecisionDifference> decisions) {
        public boolean differs() {
            return !decisions.isEmpty() || whatIf == null || !sameFigures(actual, whatIf);
        }

        private static boolean sameFigures(SubscriptionFigures a, SubscriptionFigures b) {
            return a.realizedPnl().compareTo(b.realizedPnl()) == 0 && a.fees().compareTo(b.fees()) == 0
                    && a.unrealizedPnl().compareTo(b.unrealizedPnl()) == 0 && a.copiesOpened() == b.copiesOpened()
                    && a.copiesClosed() == b.copiesClosed();
        }
    }

    /** One copy decided differently; either side is null when only one run made a decision. */
    public record DecisionDifference(String expertId, String fillId, String symbol, String action, long time,
                                     DecisionRecord actual, DecisionRecord whatIf) {
    }
}
