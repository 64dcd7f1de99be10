package com.copyguard.core.rules;

import java.util.ArrayDeque;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.drools.kiesession.session.StatefulKnowledgeSessionImpl;
import org.kie.api.KieBase;
import org.kie.api.runtime.KieSession;

/**
 * The idle sessions of one compiled rule set, reused batch after batch instead of building a new
 * session (node memories, agenda, entry points) for every evaluation.
 *
 * <p>A session is lent to exactly one thread: {@link #borrow()} takes it out of the pool and marks
 * the borrowing thread as its owner, and every use checks that owner, so no session is ever touched
 * by two threads at once whichever thread evaluates (the writer, a helper lane, an HTTP preview, a
 * cluster shard). Pooling rather than pinning sessions to executor lanes keeps that guarantee for
 * callers whose thread we do not choose.
 *
 * <p>A session goes back only after a batch that settled: {@link #giveBack} resets it to the state
 * of a new one (empty working memory, node memories cleared, fact handle ids and recency counters
 * back at zero, listeners removed) and attaches the {@link FiredRuleRecorder} again, which is what
 * Drools' own session pool does on release. Resetting the counters is what keeps decisions identical
 * to a fresh session's: activations of equal salience fire by recency, and the recency of the n-th
 * fact inserted is the same number in both. A session whose batch failed is disposed, never reset,
 * so a failure leaves nothing behind. At most {@link #MAX_IDLE} sessions are kept; extra ones are
 * disposed when they come back, so the memory a version holds is bounded.
 */
final class SessionPool {
    /** Idle sessions kept per rule set: every partition of two concurrent evaluations. */
    static final int MAX_IDLE = 2 * Math.max(1, Runtime.getRuntime().availableProcessors());

    private final KieBase kieBase;
    private final ArrayDeque<Lease> idle = new ArrayDeque<>();
    private final AtomicLong created = new AtomicLong();
    private final AtomicInteger lent = new AtomicInteger();

    SessionPool(KieBase kieBase) {
        this.kieBase = kieBase;
    }

    /** A session owned by the calling thread until it is given back or discarded. */
    Lease borrow() {
        Lease lease;
        synchronized (idle) {
            lease = idle.pollFirst();
        }
        if (lease == null) {
            KieSession session = kieBase.newKieSession();
            session.addEventListener(FiredRuleRecorder.INSTANCE);
            created.incrementAndGet();
            lease = new Lease(session);
        }
        lease.claim();
        lent.incrementAndGet();
        return lease;
    }

    /** Returns a session whose batch settled: reset to a fresh session's state, kept if there is room. */
    void giveBack(Lease lease) {
        lease.checkOwner();
        if (!(lease.session instanceof StatefulKnowledgeSessionImpl impl)) {
            discard(lease);
            return;
        }
        try {
            impl.reset();
            // reset() drops the listeners with everything else: the recorder goes back on, as on a new session
            impl.addEventListener(FiredRuleRecorder.INSTANCE);
        } catch (RuntimeException e) {
            // the batch's decisions stand; only this session is not fit for another batch
            discard(lease);
            return;
        }
        lease.release();
        lent.decrementAndGet();
        boolean kept;
        synchronized (idle) {
            kept = idle.size() < MAX_IDLE;
            if (kept) {
                idle.addFirst(lease);
            }
        }
        if (!kept) {
            lease.session.dispose();
        }
    }

    /** Disposes a session whose batch failed (or that is not wanted back): it is never reused. */
    void discard(Lease lease) {
        lease.checkOwner();
        lease.release();
        lent.decrementAndGet();
        lease.session.dispose();
    }

    /** Disposes every idle session; sessions lent out now are kept or disposed when they come back. */
    void drain() {
        Lease[] all;
        synchronized (idle) {
            all = idle.toArray(new Lease[0]);
            idle.clear();
        }
        for (Lease l : all) {
            l.session.dispose();
        }
    }

    /** Sessions borrowed and not yet given back or discarded. */
    int lent() {
        return lent.get();
    }

    long created() {
        return created.get();
    }

    int idle() {
        synchronized (idle) {
            return idle.size();
        }
    }

    /** One lent session and the thread that owns it (null while idle in the pool). */
    static final class Lease {
        private final KieSession session;
        private Thread owner;

        private Lease(KieSession session) {
            this.session = session;
        }

        /** The session, for the owning thread only. */
        KieSession session() {
            checkOwner();
            return session;
        }

        private synchronized void claim() {
            if (owner != null) {
                throw new IllegalStateException("rule session already owned by " + owner.getName());
            }
            owner = Thread.currentThread();
        }

        private synchronized void checkOwner() {
            if (owner != Thread.currentThread()) {
                throw new IllegalStateException("rule session owned by "
                        + (owner == null ? "nobody" : owner.getName()) + ", used by " + Thread.currentThread().getName());
            }
        }

        private synchronized void release() {
            owner = null;
        }
    }
}
