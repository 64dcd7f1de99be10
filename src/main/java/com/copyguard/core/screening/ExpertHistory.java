package com.copyguard.core.screening;

import com.copyguard.core.model.Side;
import com.copyguard.core.ledger.MarketPrices;
import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.util.Collection;
import java.util.Collections;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.NavigableMap;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * One expert's track record for screening: a deposit-neutral growth index observed over event
 * time and kept as one close per UTC+8 day, the positions its fills built, and how its closed
 * positions ended.
 *
 * <p>The index works like a fund's unit price. The first positive equity buys {@code units} at
 * index 1; afterwards index = equity ÷ units. A reported transfer (deposit &gt; 0, withdrawal &lt; 0)
 * buys or sells units at the index just before it, so money moving in or out never moves the
 * index: chaining sub-period returns (time-weighted return) is the same thing as reading the index.
 *
 * <p>Between equity reports the equity is derived: last reported equity + PnL realized by the
 * expert's closes since + change of the unrealized PnL of its open positions at the latest marks.
 */
public final class ExpertHistory {
    static final MathContext MC = new MathContext(34, RoundingMode.HALF_EVEN);

    private final String expertId;
    private final NavigableMap<Long, DayClose> days = new TreeMap<>();
    private final Map<String, ShadowPosition> positions = new LinkedHashMap<>();
    private final Set<String> symbolsTraded = new TreeSet<>();
    private final Set<String> fillsSeen = new HashSet<>();
    private BigDecimal anchorEquity;
    private BigDecimal anchorUnrealized = BigDecimal.ZERO;
    private BigDecimal realizedSinceAnchor = BigDecimal.ZERO;
    private BigDecimal units;
    private BigDecimal index;
    private BigDecimal peakIndex;
    private BigDecimal maxDrawdown = BigDecimal.ZERO;
    private boolean wipedOut;
    private Long lastObservationTime;
    private long closedPositions;
    private long profitablePositions;
    /** The newest {@link #TRADES_KEPT} closed positions, oldest first. */
    private final java.util.List<ExpertTrade> trades = new java.util.ArrayList<>();
    static final int TRADES_KEPT = 1000;

    ExpertHistory(String expertId) {
        this.expertId = expertId;
    }

    ExpertHistoryState state() {
        java.util.List<ShadowPositionState> open = new java.util.ArrayList<>(positions.size());
        positions.values().forEach(p -> open.add(p.state()));
        return new ExpertHistoryState(expertId, new java.util.ArrayList<>(days.values()), open,
                new java.util.ArrayList<>(symbolsTraded), new java.util.ArrayList<>(new TreeSet<>(fillsSeen)),
                anchorEquity, anchorUnrealized, realizedSinceAnchor, units, index, peakIndex, maxDrawdown, wipedOut,
                lastObservationTime, closedPositions, profitablePositions, trades);
    }

    static ExpertHistory restore(ExpertHistoryState s) {
        ExpertHistory h = new ExpertHistory(s.expertId());
        s.days().forEach(d -> h.days.put(d.day(), d));
        for (ShadowPositionState p : s.positions()) {
            h.positions.put(p.symbol() + "/" + p.side(), ShadowPosition.restore(p));
        }
        h.symbolsTraded.addAll(s.symbolsTraded());
        h.fillsSeen.addAll(s.fillsSeen());
        h.anchorEquity = s.anchorEquity();
        h.anchorUnrealized = s.anchorUnrealized();
        h.realizedSinceAnchor = s.realizedSinceAnchor();
        h.units = s.units();
        h.index = s.index();
        h.peakIndex = s.peakIndex();
        h.maxDrawdown = s.maxDrawdown();
        h.wipedOut = s.wipedOut();
        h.lastObservationTime = s.lastObservationTime();
        h.closedPositions = s.closedPositions();
        h.profitablePositions = s.profitablePositions();
        h.trades.addAll(s.trades());
        return h;
    }

    // --- inputs ---

    /** Applies an expert fill once (a repeated fill id is ignored); returns false for a repeat. */
    boolean fill(String fillId, String symbol, Side side, boolean opening, BigDecimal qty, BigDecimal price, long time) {
        if (!fillsSeen.add(fillId)) {
            return false;
        }
        symbolsTraded.add(symbol);
        String key = symbol + "/" + side;
        if (opening) {
            positions.computeIfAbsent(key, k -> new ShadowPosition(symbol, side, time)).open(qty, price);
            return true;
        }
        ShadowPosition p = positions.get(key);
        if (p == null) {
            return true;
        }
        realizedSinceAnchor = realizedSinceAnchor.add(p.close(qty, price));
        if (p.isClosed()) {
            positions.remove(key);
            closedPositions++;
            if (p.realized().signum() > 0) {
                profitablePositions++;
            }
            if (trades.size() == TRADES_KEPT) {
                trades.remove(0);
            }
            trades.add(p.trade(closedPositions, time));
        }
        return true;
    }

    /** A reported equity becomes the base that later fills and prices move. */
    void reanchor(BigDecimal equity, MarketPrices marks) {
        anchorEquity = equity;
        anchorUnrealized = unrealized(marks);
        realizedSinceAnchor = BigDecimal.ZERO;
    }

    /** Equity derived from the last report, or null while the expert never reported any. */
    BigDecimal derivedEquity(MarketPrices marks) {
        if (anchorEquity == null) {
            return null;
        }
        return anchorEquity.add(realizedSinceAnchor).add(unrealized(marks).subtract(anchorUnrealized));
    }

    private BigDecimal unrealized(MarketPrices marks) {
        BigDecimal sum = BigDecimal.ZERO;
        for (ShadowPosition p : positions.values()) {
            sum = sum.add(p.unrealized(marks.markOr(p.symbol(), p.entryPrice())));
        }
        return sum;
    }

    boolean holdsAny(Collection<String> symbols) {
        for (ShadowPosition p : positions.values()) {
            if (symbols.contains(p.symbol())) {
                return true;
            }
        }
        return false;
    }

    /**
     * Records the expert's equity at event time {@code time}, {@code transfer} of which (may be 0)
     * arrived just before it from outside. Time never runs backwards inside one history.
     */
    void observe(long time, BigDecimal equity, BigDecimal transfer) {
        long t = lastObservationTime == null ? time : Math.max(time, lastObservationTime);
        if (units == null) {
            if (equity.signum() <= 0) {
                return;
            }
            units = equity;
            index = BigDecimal.ONE;
            peakIndex = BigDecimal.ONE;
        } else if (!wipedOut) {
            BigDecimal before = equity.subtract(transfer).divide(units, MC);
            if (transfer.signum() != 0 && before.signum() > 0) {
                units = units.add(transfer.divide(before, MC));
            }
            index = before;
            if (index.signum() <= 0) {
                // From zero no return is defined: the record stays wiped out (ROI -100 %).
                index = BigDecimal.ZERO;
                wipedOut = true;
            }
        }
        if (index.compareTo(peakIndex) > 0) {
            peakIndex = index;
        }
        BigDecimal drawdown = BigDecimal.ONE.subtract(index.divide(peakIndex, MC));
        if (drawdown.compareTo(maxDrawdown) > 0) {
            maxDrawdown = drawdown;
        }
        long day = TradingDay.of(t);
        days.put(day, new DayClose(day, equity, index));
        lastObservationTime = t;
    }

    // --- reading ---

    public String expertId() {
        return expertId;
    }

    /** Closes per UTC+8 day, oldest first; days without an observation are absent. */
    public NavigableMap<Long, DayClose> days() {
        return Collections.unmodifiableNavigableMap(days);
    }

    public boolean isEmpty() {
        return days.isEmpty();
    }

    public Long lastObservationTime() {
        return lastObservationTime;
    }

    /** Current growth index (1 at the first observation), or null before any. */
    public BigDecimal index() {
        return index;
    }

    /** Largest fall of the index from a previous peak, over every observation (intraday included). */
    public BigDecimal maxDrawdown() {
        return maxDrawdown;
    }

    /** How far the index is now below its highest observation. */
    public BigDecimal currentDrawdown() {
        return index == null ? BigDecimal.ZERO : BigDecimal.ONE.subtract(index.divide(peakIndex, MC));
    }

    public long closedPositions() {
        return closedPositions;
    }

    public long profitablePositions() {
        return profitablePositions;
    }

    /** The newest closed positions kept (at most {@value #TRADES_KEPT}), oldest first. */
    public java.util.List<ExpertTrade> trades() {
        return Collections.unmodifiableList(trades);
    }

    public Set<String> symbolsTraded() {
        return Collections.unmodifiableSet(symbolsTraded);
    }
}
