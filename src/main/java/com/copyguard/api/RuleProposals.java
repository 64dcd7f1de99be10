package com.copyguard.api;

import com.copyguard.core.refusal.RefusalCode;
import com.copyguard.core.refusal.InputRefused;
import com.copyguard.core.command.Sender;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Rule set versions proposed for activation, waiting for a second person (four eyes): a
 * {@code rules-author} proposes, a {@code rules-admin} with another subject approves (the
 * activation is journaled with both) or rejects. Kept in memory: pending proposals do not survive
 * a restart, the activations they lead to do (in the journal). Bounded: the oldest decided
 * proposals are forgotten first.
 */
final class RuleProposals {
    static final int MAX_KEPT = 1000;

    enum Status { PENDING, APPROVING, APPROVED, REJECTED }

    /** One proposal; {@code fingerprint} pins the text proposed, so an approver never approves an edited folder. */
    static final class Proposal {
        final String id;
        final String version;
        final String fingerprint;
        final Sender proposedBy;
        final long proposedAt;
        Status status = Status.PENDING;
        Sender decidedBy;

        Proposal(String id, String version, String fingerprint, Sender proposedBy, long proposedAt) {
            this.id = id;
            this.version = version;
            this.fingerprint = fingerprint;
            this.proposedBy = proposedBy;
            this.proposedAt = proposedAt;
        }
    }

    private final Map<String, Proposal> byId = new LinkedHashMap<>();
    private long next = 1;

    synchronized Proposal propose(String version, String fingerprint, Sender by, long now) {
        if (byId.size() >= MAX_KEPT && !forgetOldestDecided()) {
            throw new InputRefused(RefusalCode.TOO_MANY_PROPOSALS, MAX_KEPT + " proposals are pending: decide some first");
        }
        Proposal p = new Proposal("P" + next++, version, fingerprint, by, now);
        byId.put(p.id, p);
        return p;
    }

    private boolean forgetOldestDecided() {
        for (Iterator<Proposal> it = byId.values().iterator(); it.hasNext(); ) {
            Status s = it.next().status;
            if (s == Status.APPROVED || s == Status.REJECTED) {
                it.remove();
                return true;
            }
        }
        return false;
    }

    /**
     * Takes a pending proposal for a decision by {@code by}: 404 unknown, 409 already decided, 403
     * SELF_APPROVAL when the decider proposed it and is approving.
     */
    synchronized Proposal take(String id, Sender by, boolean approving) {
        Proposal p = byId.get(id);
        if (p == null) {
            throw InputRefused.notFound("proposal", id);
        }
        if (p.status != Status.PENDING) {
            throw new InputRefused(RefusalCode.PROPOSAL_DECIDED, "proposal " + id + " is already " + p.status);
        }
        if (approving && p.proposedBy.subject().equals(by.subject())) {
            throw new InputRefused(RefusalCode.SELF_APPROVAL, "four eyes: " + by.subject()
                    + " proposed " + id + " and cannot approve it; another rules-admin must");
        }
        p.status = approving ? Status.APPROVING : Status.REJECTED;
        p.decidedBy = by;
        return p;
    }

    /** The approval's activation ended: APPROVED, or back to PENDING when it failed. */
    synchronized void approvalDone(Proposal p, boolean activated) {
        if (activated) {
            p.status = Status.APPROVED;
        } else {
            p.status = Status.PENDING;
            p.decidedBy = null;
        }
    }

    synchronized List<Proposal> all() {
        return new ArrayList<>(byId.values());
    }
}
