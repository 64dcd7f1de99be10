package com.copyguard.core.ledger;

import com.copyguard.core.model.Side;
import java.math.BigDecimal;
import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;

/** A lead trader: settings, reported equity, and the open positions its fills built. */
public final class Expert {
    public static final BigDecimal DEFAULT_PROFIT_SHARE = new BigDecimal("0.10");

    private final String expertId;
    private BigDecimal profitShareRate = DEFAULT_PROFIT_SHARE;
    private BigDecimal minFollowAmount = BigDecimal.ZERO;
    private BigDecimal equity = BigDecimal.ZERO;
    private final Map<String, ExpertPosition> positions = new LinkedHashMap<>();
    private final Map<String, Long> firstTraded = new LinkedHashMap<>();
    private final Set<String> subscriptionIds = new LinkedHashSet<>();
    /** Each follower's subscription to this expert that has not stopped. */
    private final Map<String, String> activeByFollower = new java.util.TreeMap<>();
    private Long lastOpenTime;
    /** Event time of the expert's latest fill: its fills must not go back in time. */
    private Long lastFillTime;
    private BigDecimal profitShareEarned = BigDecimal.ZERO;
    /** At most this many subscriptions that have not stopped; null = no limit. */
    private Integer maxFollowers;

    Expert(String expertId) {
        this.expertId = expertId;
    }

    /** This expert's state, for snapshots and checkpoints (its subscriptions are the ledger's to link). */
    ExpertState state() {
        java.util.List<ExpertPositionState> open = new java.util.ArrayList<>(positions.size());
        positions.values().forEach(p -> open.add(p.state()));
        return new ExpertState(expertId, profitShareRate, minFollowAmount, equity, open, firstTraded, activeByFollower,
                lastOpenTime, lastFillTime, profitShareEarned, maxFollowers);
    }

    static Expert restore(ExpertState s) {
        Expert e = new Expert(s.expertId());
        e.profitShareRate = s.profitShareRate();
        e.minFollowAmount = s.minFollowAmount();
        e.equity = s.equity();
        for (ExpertPositionState p : s.positions()) {
            e.positions.put(key(p.symbol(), p.side()), ExpertPosition.restore(p));
        }
        e.firstTraded.putAll(s.firstTraded());
        e.activeByFollower.putAll(s.activeByFollower());
        e.lastOpenTime = s.lastOpenTime();
        e.lastFillTime = s.lastFillTime();
        e.profitShareEarned = s.profitShareEarned();
        e.maxFollowers = s.maxFollowers();
        return e;
    }

    private static String key(String symbol, Side side) {
        return symbol + "/" + side;
    }

    public ExpertPosition position(String symbol, Side side) {
        return positions.get(key(symbol, side));
    }

    ExpertPosition positionFor(String symbol, Side side) {
        return positions.computeIfAbsent(key(symbol, side), k -> new ExpertPosition(symbol, side));
    }

    void dropIfClosed(String symbol, Side side) {
        ExpertPosition p = positions.get(key(symbol, side));
        if (p != null && p.qty().signum() == 0) {
            positions.remove(key(symbol, side));
        }
    }

    void markTraded(String symbol, long time) {
        firstTraded.putIfAbsent(symbol, time);
    }

    public Collection<ExpertPosition> positions() {
        return Collections.unmodifiableCollection(positions.values());
    }

    /** Event time of the expert's first fill on a symbol, or null if it never traded it. */
    public Long firstTraded(String symbol) {
        return firstTraded.get(symbol);
    }

    public String expertId() {
        return expertId;
    }

    public BigDecimal profitShareRate() {
        return profitShareRate;
    }

    public BigDecimal minFollowAmount() {
        return minFollowAmount;
    }

    public BigDecimal equity() {
        return equity;
    }

    void setProfitShareRate(BigDecimal rate) {
        this.profitShareRate = rate;
    }

    void setMinFollowAmount(BigDecimal amount) {
        this.minFollowAmount = amount;
    }

    void setEquity(BigDecimal equity) {
        this.equity = equity;
    }

    public Set<String> subscriptionIds() {
        return Collections.unmodifiableSet(subscriptionIds);
    }

    void linkSubscription(String subscriptionId, String followerId) {
        subscriptionIds.add(subscriptionId);
        activeByFollower.put(followerId, subscriptionId);
    }

    /** Links a restored subscription; who follows actively is restored with the expert's state. */
    void restoreLink(String subscriptionId) {
        subscriptionIds.add(subscriptionId);
    }

    void unlinkFollower(String followerId, String subscriptionId) {
        activeByFollower.remove(followerId, subscriptionId);
    }

    /** The follower's subscription to this expert that has not stopped, or null. */
    public String activeSubscriptionOf(String followerId) {
        return activeByFollower.get(followerId);
    }

    /** Subscriptions to this expert that have not stopped (active, paused, closing or interrupted). */
    public int followers() {
        return activeByFollower.size();
    }

    public Integer maxFollowers() {
        return maxFollowers;
    }

    void setMaxFollowers(Integer max) {
        maxFollowers = max;
    }

    public BigDecimal profitShareEarned() {
        return profitShareEarned;
    }

    void earnProfitShare(BigDecimal amount) {
        profitShareEarned = profitShareEarned.add(amount);
    }

    public Long lastOpenTime() {
        return lastOpenTime;
    }

    void setLastOpenTime(long time) {
        this.lastOpenTime = time;
    }

    public Long lastFillTime() {
        return lastFillTime;
    }

    void setLastFillTime(long time) {
        this.lastFillTime = time;
    }
}
