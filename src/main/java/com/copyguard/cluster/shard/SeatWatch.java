package com.copyguard.cluster.shard;

import com.copyguard.cluster.sequencer.SeatRecords;
import com.copyguard.core.command.Follow;
import com.copyguard.core.engine.EngineEvents;
import com.copyguard.core.ledger.Expert;
import com.copyguard.core.ledger.Ledger;
import com.copyguard.core.ledger.Subscription;
import com.copyguard.core.model.SubscriptionStatus;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * A shard's side of the seat path: hears which experts may have lost a follower while an input
 * was applied (a subscription stopped, whatever stopped it: a stop, a close after the expert's
 * close, a guardian, a liquidation), adds the expert of each follow, and after the input says
 * which of those experts' follower counts changed, and which grant the input answered, as one
 * {@link SeatRecords.Report}. It also lends the engine the grant's count of the expert's followers
 * on other shards while the granted follow is applied. Not state: a recovered shard starts with
 * nothing reported, and reports absolute counts, which the sequencer may read twice.
 */
final class SeatWatch implements EngineEvents {
    private final Set<String> touched = new LinkedHashSet<>();
    private final Map<String, Integer> reported = new HashMap<>();
    private String grantedExpert;
    private int elsewhere;

    @Override
    public void statusChanged(Subscription s, SubscriptionStatus previous) {
        if (s.status() == SubscriptionStatus.STOPPED) {
            touched.add(s.expertId());
        }
    }

    /** Wires the ledger's capacity count to the grant of the follow being applied. */
    void attach(Ledger ledger) {
        ledger.countFollowersElsewhere(expertId -> expertId.equals(grantedExpert) ? elsewhere : 0);
    }

    /** Before {@code follow} is applied under {@code grant} (null: a follow no sequencer granted). */
    void following(Follow follow, SeatRecords.Grant grant) {
        touched.add(follow.expertId());
        if (grant != null) {
            grantedExpert = follow.expertId();
            elsewhere = grant.elsewhere();
        }
    }

    /**
     * After the record at {@code offset}: the report to send, or null when no count changed and no
     * grant was answered. Forgets what it heard either way.
     */
    SeatRecords.Report after(int shard, long offset, Ledger ledger, SeatRecords.Grant grant) {
        grantedExpert = null;
        elsewhere = 0;
        if (touched.isEmpty() && grant == null) {
            return null;
        }
        Map<String, Integer> changed = new TreeMap<>();
        for (String expertId : touched) {
            Expert e = ledger.expert(expertId);
            int count = e == null ? 0 : e.followers();
            Integer before = reported.put(expertId, count);
            if (before == null || before != count) {
                changed.put(expertId, count);
            }
        }
        touched.clear();
        if (changed.isEmpty() && grant == null) {
            return null;
        }
        return new SeatRecords.Report(shard, offset, grant == null ? null : grant.id(), changed);
    }
}
