package com.copyguard.cluster;

import com.copyguard.core.command.ChangePositionMargin;
import com.copyguard.core.command.ClosePosition;
import com.copyguard.core.command.Command;
import com.copyguard.core.command.Deposit;
import com.copyguard.core.command.PatchSettings;
import com.copyguard.core.command.PauseSubscription;
import com.copyguard.core.command.ResumeSubscription;
import com.copyguard.core.command.StopFollowing;
import com.copyguard.core.command.Withdraw;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.HashMap;
import java.util.Map;

/**
 * The single-node engine and the cluster mint different ids for the same follow (the cluster's name
 * their shard). This learns the pairs from the two follows' replies and rewrites the reference
 * stream's ids into the cluster's.
 */
final class IdTranslation {
    private final Map<String, String> ids = new HashMap<>();

    void learn(JsonNode single, JsonNode cluster) {
        for (String field : new String[] {"subscriptionId", "accountId"}) {
            if (single.hasNonNull(field) && cluster.hasNonNull(field)) {
                ids.put(single.get(field).asText(), cluster.get(field).asText());
            }
        }
    }

    /** The cluster's name for the single engine's id {@code single}. */
    String id(String single) {
        return ids.getOrDefault(single, single);
    }

    Command toCluster(Command c) {
        if (c instanceof Deposit d) {
            return new Deposit(id(d.accountId()), d.amount(), d.requestId(), d.time());
        } else if (c instanceof Withdraw w) {
            return new Withdraw(id(w.accountId()), w.amount(), w.requestId(), w.time());
        } else if (c instanceof PatchSettings p) {
            return new PatchSettings(id(p.subscriptionId()), p.patch());
        } else if (c instanceof StopFollowing s) {
            return new StopFollowing(id(s.subscriptionId()), s.mode(), s.time());
        } else if (c instanceof ClosePosition p) {
            return new ClosePosition(id(p.subscriptionId()), p.symbol(), p.side(), p.time());
        } else if (c instanceof PauseSubscription p) {
            return new PauseSubscription(id(p.subscriptionId()), p.time());
        } else if (c instanceof ResumeSubscription r) {
            return new ResumeSubscription(id(r.subscriptionId()), r.copyExistingPositions(), r.time());
        } else if (c instanceof ChangePositionMargin m) {
            return new ChangePositionMargin(id(m.subscriptionId()), m.symbol(), m.side(), m.amount(), m.requestId(), m.time());
        }
        return c;
    }
}
