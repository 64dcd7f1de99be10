package com.copyguard.core.rules;

import com.copyguard.core.refusal.RuleFailure;
import com.copyguard.core.refusal.RefusalCode;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ExecutionException;
import org.kie.api.runtime.KieSession;

/**
 * Runs batches of facts through a rule set. Rules only write to the facts; the ledger is untouched
 * here, so a failure leaves state exactly as it was. Sessions are long-lived: each rule set keeps a
 * few idle ones ({@link SessionPool}), an evaluation borrows one, and a batch that settles hands it
 * back reset to the state of a new session (so every batch starts from an empty working memory and
 * the same recency counters: decisions are those of a fresh session). A failed batch disposes its
 * session.
 *
 * <p>Large batches of independent fact groups (one group per account) are split across cores:
 * each partition borrows its own session, owned by the thread that runs it. A group never straddles two
 * partitions, so rules may join facts of one account but never facts of different accounts.
 * Decisions do not depend on how the work was split, so replay stays deterministic.
 */
public final class RuleEvaluator {
    /** Firings allowed per fact before the batch counts as a runaway rule. */
    public static final int FIRINGS_PER_FACT = 64;
    /** Below this many facts a batch runs in one session: splitting would cost more than it saves. */
    public static final int PARALLEL_THRESHOLD = 1_024;
    private static final int PARTITIONS = Math.max(1, Runtime.getRuntime().availableProcessors());
    private static final ExecutorService HELPERS = Executors.newFixedThreadPool(Math.max(1, PARTITIONS - 1), r -> {
        Thread t = new Thread(r, "copyguard-rules");
        t.setDaemon(true);
        return t;
    });

    private RuleEvaluator() {
    }

    public static int evaluate(RuleSet rules, Collection<?> facts) {
        if (facts.isEmpty()) {
            return 0;
        }
        SessionPool.Lease lease = rules.sessions().borrow();
        boolean settled = false;
        try {
            KieSession session = lease.session();
            for (Object fact : facts) {
                session.insert(fact);
            }
            int limit = Math.max(256, facts.size() * FIRINGS_PER_FACT);
            int fired = session.fireAllRules(limit);
            if (fired >= limit) {
                throw new RuleFailure(RefusalCode.RULE_RUNAWAY, "rule set " + rules.version() + " fired " + fired
                        + " times on " + facts.size() + " facts without settling; input refused", null);
            }
            settled = true;
            return fired;
        } catch (RuleFailure e) {
            throw e;
        } catch (RuntimeException e) {
            Throwable root = e;
            while (root.getCause() != null && root.getCause() != root) {
                root = root.getCause();
            }
            throw new RuleFailure(RefusalCode.RULE_FAILED, "rule set " + rules.version() + " failed: " + e.getMessage()
                    + (root != e ? " (" + root + ")" : ""), e);
        } finally {
            // only a session whose batch settled is reset and reused; any failure (runaway, a rule that
            // threw, an Error) throws the session away with whatever the batch left in it
            if (settled) {
                rules.sessions().giveBack(lease);
            } else {
                rules.sessions().discard(lease);
            }
        }
    }

    /**
     * Evaluates groups of facts that only relate within a group (one account's facts), splitting
     * large batches across cores. The first failure of any partition is thrown.
     */
    public static int evaluateGroups(RuleSet rules, List<? extends List<?>> groups) {
        int total = 0;
        for (List<?> g : groups) {
            total += g.size();
        }
        List<Object> all = new ArrayList<>(total);
        groups.forEach(all::addAll);
        if (total < PARALLEL_THRESHOLD || PARTITIONS == 1) {
            return evaluate(rules, all);
        }
        List<List<Object>> partitions = new ArrayList<>(PARTITIONS);
        int perPartition = (total + PARTITIONS - 1) / PARTITIONS;
        int from = 0;
        int filled = 0;
        for (List<?> g : groups) {
            filled += g.size();
            if (filled - from >= perPartition && partitions.size() < PARTITIONS - 1) {
                partitions.add(all.subList(from, filled));
                from = filled;
            }
        }
        partitions.add(all.subList(from, total));
        return evaluatePartitions(rules, partitions);
    }

    /** Facts each of which is its own account's only fact: split into equal slices across cores. */
    public static int evaluateIndependent(RuleSet rules, List<?> facts) {
        if (facts.size() < PARALLEL_THRESHOLD || PARTITIONS == 1) {
            return evaluate(rules, facts);
        }
        List<List<?>> partitions = new ArrayList<>(PARTITIONS);
        int perPartition = (facts.size() + PARTITIONS - 1) / PARTITIONS;
        for (int from = 0; from < facts.size(); from += perPartition) {
            partitions.add(facts.subList(from, Math.min(facts.size(), from + perPartition)));
        }
        return evaluatePartitions(rules, partitions);
    }

    /**
     * Runs the first partition on the calling thread and the others on the helper threads. Every
     * partition is waited for, even after one failed, so no helper is still writing to the facts of
     * a batch the caller has already refused; then the first failure (in partition order) is thrown.
     */
    private static int evaluatePartitions(RuleSet rules, List<? extends List<?>> partitions) {
        List<Future<Integer>> others = new ArrayList<>(partitions.size() - 1);
        for (int i = 1; i < partitions.size(); i++) {
            List<?> p = partitions.get(i);
            others.add(HELPERS.submit(() -> evaluate(rules, p)));
        }
        int fired = 0;
        RuntimeException failure = null;
        try {
            fired = evaluate(rules, partitions.get(0));
        } catch (RuntimeException e) {
            failure = e;
        }
        boolean interrupted = false;
        for (Future<Integer> f : others) {
            while (true) {
                try {
                    fired += f.get();
                    break;
                } catch (ExecutionException e) {
                    if (failure == null) {
                        failure = e.getCause() instanceof RuntimeException r ? r
                                : new RuleFailure(RefusalCode.RULE_FAILED, "rule evaluation failed: " + e.getCause(), e.getCause());
                    }
                    break;
                } catch (InterruptedException e) {
                    // keep waiting for the helper (it is not interrupted and finishes its partition), then
                    // refuse the batch and restore the flag
                    interrupted = true;
                }
            }
        }
        if (interrupted) {
            Thread.currentThread().interrupt();
            if (failure == null) {
                failure = new RuleFailure(RefusalCode.RULE_FAILED, "rule evaluation interrupted", null);
            }
        }
        if (failure != null) {
            throw failure;
        }
        return fired;
    }
}
