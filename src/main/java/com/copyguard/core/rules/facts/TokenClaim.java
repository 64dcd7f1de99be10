package com.copyguard.core.rules.facts;

import java.math.BigDecimal;
import org.kie.api.definition.type.ClassReactive;

/**
 * One copy's claim on the token budget of its fill ({@link TokenBudget}): the notional it would add.
 * The token rules grant claims one at a time in follow order, the earliest subscription first
 * ({@link #precedes}), so the outcome does not depend on the order facts were inserted or on
 * where the other claims were made: a cluster shard inserts the claims of the copies other shards
 * decide ({@code copy} null) beside the ones its own copies make, and every shard reaches the
 * single node's answer. Settled once granted or refused; {@code usedBefore} is the budget's use
 * when it was decided, for the copy's explanation.
 */
@ClassReactive
public final class TokenClaim {
    public enum State { PENDING, GRANTED, REFUSED }

    private final String symbol;
    private final long startTime;
    private final String followerId;
    private final BigDecimal notional;
    private final OpenCopy copy;
    private State state = State.PENDING;
    private BigDecimal usedBefore;

    /** The claim of {@code copy}, decided here. */
    public TokenClaim(OpenCopy copy) {
        this(copy.getOrder().getSymbol(), copy.getFollower().getStartTime(), copy.getFollowerId(), copy.getNotional(),
                copy);
    }

    /** A claim another shard's copy made: only its place in the order and its notional count here. */
    public static TokenClaim foreign(String symbol, long startTime, String followerId, BigDecimal notional) {
        return new TokenClaim(symbol, startTime, followerId, notional, null);
    }

    private TokenClaim(String symbol, long startTime, String followerId, BigDecimal notional, OpenCopy copy) {
        this.symbol = symbol;
        this.startTime = startTime;
        this.followerId = followerId;
        this.notional = notional;
        this.copy = copy;
    }

    /**
     * Whether this claim comes before {@code other} in follow order: the subscription that started
     * earlier, then the lower follower id (a follower follows an expert once, so two claims of one
     * fill never tie).
     */
    public boolean precedes(TokenClaim other) {
        if (startTime != other.startTime) {
            return startTime < other.startTime;
        }
        return followerId.compareTo(other.followerId) < 0;
    }

    public String getSymbol() {
        return symbol;
    }

    public long getStartTime() {
        return startTime;
    }

    public String getFollowerId() {
        return followerId;
    }

    public BigDecimal getNotional() {
        return notional;
    }

    /** The copy this claim decides, or null: another shard's copy. */
    public OpenCopy getCopy() {
        return copy;
    }

    public State getState() {
        return state;
    }

    public boolean isPending() {
        return state == State.PENDING;
    }

    public BigDecimal getUsedBefore() {
        return usedBefore;
    }

    public void grant(BigDecimal used) {
        usedBefore = used;
        state = State.GRANTED;
    }

    public void refuse(BigDecimal used) {
        usedBefore = used;
        state = State.REFUSED;
    }
}
