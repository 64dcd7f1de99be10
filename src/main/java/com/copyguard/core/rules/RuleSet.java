package com.copyguard.core.rules;

import org.kie.api.KieBase;
import org.kie.api.builder.ReleaseId;
import org.kie.api.definition.KiePackage;

/**
 * A compiled, immutable version of the rules. Thread-safe: the KieBase is shared, and the sessions
 * evaluations run in are lent out of this version's own {@link SessionPool} one thread at a time.
 * A class rather than a record because the pool is state that must not take part in equality; two
 * rule sets are equal only when they are the same compiled version (as the record's equality on the
 * KieBase instance already meant).
 */
public final class RuleSet {
    /**
     * Metadata ({@code @triggerPrice}) of the rules that declare where risk triggers fire
     * ({@link com.copyguard.core.rules.facts.TriggerPrices}); they decide nothing, so they are not
     * listed among the rules that fired on a decision.
     */
    public static final String TRIGGER_PRICE = "triggerPrice";
    /**
     * Metadata ({@code @tokenClaims}) of the token rules that decide the budget from
     * {@link com.copyguard.core.rules.facts.TokenClaim}s in follow order: a version that has them can
     * be given the claims other shards' copies make, so a cluster decides TOKEN_LIMIT exactly.
     */
    public static final String TOKEN_CLAIMS = "tokenClaims";

    private final RuleSource source;
    private final KieBase kieBase;
    private final ReleaseId releaseId;
    private final SessionPool sessions;
    /**
     * Read from the rules' metadata on first use, then kept (a cluster shard asks for every record
     * it applies); volatile: two threads that both read it first compute the same answer.
     */
    private volatile Boolean triggerPrices;
    private volatile Boolean tokenClaims;

    public RuleSet(RuleSource source, KieBase kieBase, ReleaseId releaseId) {
        this.source = source;
        this.kieBase = kieBase;
        this.releaseId = releaseId;
        this.sessions = new SessionPool(kieBase);
    }

    public RuleSource source() {
        return source;
    }

    public KieBase kieBase() {
        return kieBase;
    }

    public ReleaseId releaseId() {
        return releaseId;
    }

    /** The idle sessions this version's evaluations reuse (package-private: only the evaluator lends them). */
    SessionPool sessions() {
        return sessions;
    }

    /**
     * Disposes the idle sessions kept for this version: called when it stops being the active or the
     * shadow set. The version stays usable; a later evaluation simply starts a fresh session.
     */
    public void releaseSessions() {
        sessions.drain();
    }

    /** Sessions created for this version so far (reuse shows as a count that stops growing). */
    public long sessionsCreated() {
        return sessions.created();
    }

    /** Idle sessions currently kept for this version. */
    public int sessionsIdle() {
        return sessions.idle();
    }

    /**
     * True when the version declares its trigger prices (has {@code @triggerPrice} rules): the engine
     * then re-evaluates risk only where a price crosses one; otherwise every tick checks every holder.
     */
    public boolean declaresTriggerPrices() {
        Boolean known = triggerPrices;
        if (known == null) {
            known = hasRuleMarked(kieBase, TRIGGER_PRICE);
            triggerPrices = known;
        }
        return known;
    }

    /** True when the version's token rules decide from claims in follow order (rules marked {@code @tokenClaims}). */
    public boolean decidesTokenClaims() {
        Boolean known = tokenClaims;
        if (known == null) {
            known = hasRuleMarked(kieBase, TOKEN_CLAIMS);
            tokenClaims = known;
        }
        return known;
    }

    private static boolean hasRuleMarked(KieBase kieBase, String metadata) {
        for (KiePackage p : kieBase.getKiePackages()) {
            for (org.kie.api.definition.rule.Rule r : p.getRules()) {
                if (r.getMetaData().containsKey(metadata)) {
                    return true;
                }
            }
        }
        return false;
    }

    public String version() {
        return source.version();
    }

    public String description() {
        return source.description();
    }

    /** How many rules the version holds. */
    public int ruleCount() {
        int n = 0;
        for (KiePackage p : kieBase.getKiePackages()) {
            n += p.getRules().size();
        }
        return n;
    }

    @Override
    public String toString() {
        return "RuleSet[" + source.version() + "]";
    }
}
