package com.copyguard.durability.snapshot;

import com.copyguard.core.model.Side;
import com.copyguard.core.screening.DayClose;
import com.copyguard.core.screening.ExpertHistoryState;
import com.copyguard.core.engine.ScreeningState;
import com.copyguard.core.screening.ExpertScreeningState;
import com.copyguard.core.screening.ExpertTrade;
import com.copyguard.core.screening.ShadowPositionState;
import java.io.IOException;

/** Expert screening: each expert's history (day closes, shadow positions, fills seen, index, trades). */
final class ScreeningMapping {
    private ScreeningMapping() {
    }

    static void write(StateOutput out, ScreeningState state) throws IOException {
        // the engine is built with expert screening (EngineAssembly), whose state this is
        ExpertScreeningState s = (ExpertScreeningState) state;
        out.start();
        out.list(s.histories(), ScreeningMapping::history);
        out.end();
    }

    static ExpertScreeningState read(StateInput in) throws IOException {
        in.start();
        ExpertScreeningState s = new ExpertScreeningState(in.list(ScreeningMapping::history));
        in.end();
        return s;
    }

    private static void history(StateOutput out, ExpertHistoryState h) throws IOException {
        out.start();
        out.string(h.expertId());
        out.list(h.days(), ScreeningMapping::day);
        out.list(h.positions(), ScreeningMapping::position);
        out.strings(h.symbolsTraded());
        out.strings(h.fillsSeen());
        out.decimal(h.anchorEquity());
        out.decimal(h.anchorUnrealized());
        out.decimal(h.realizedSinceAnchor());
        out.decimal(h.units());
        out.decimal(h.index());
        out.decimal(h.peakIndex());
        out.decimal(h.maxDrawdown());
        out.bool(h.wipedOut());
        out.nullableNumber(h.lastObservationTime());
        out.number(h.closedPositions());
        out.number(h.profitablePositions());
        out.list(h.trades(), ScreeningMapping::trade);
        out.end();
    }

    private static ExpertHistoryState history(StateInput in) throws IOException {
        in.start();
        ExpertHistoryState h = new ExpertHistoryState(in.string(), in.list(ScreeningMapping::day),
                in.list(ScreeningMapping::position), in.strings(), in.strings(), in.decimal(), in.decimal(),
                in.decimal(), in.decimal(), in.decimal(), in.decimal(), in.decimal(), in.bool(), in.nullableNumber(),
                in.number(), in.number(), in.list(ScreeningMapping::trade));
        in.end();
        return h;
    }

    private static void day(StateOutput out, DayClose d) throws IOException {
        out.start();
        out.number(d.day());
        out.decimal(d.equity());
        out.decimal(d.index());
        out.end();
    }

    private static DayClose day(StateInput in) throws IOException {
        in.start();
        DayClose d = new DayClose(in.number(), in.decimal(), in.decimal());
        in.end();
        return d;
    }

    private static void position(StateOutput out, ShadowPositionState p) throws IOException {
        out.start();
        out.string(p.symbol());
        out.constant(p.side());
        out.number(p.openTime());
        out.decimal(p.qty());
        out.decimal(p.entryPrice());
        out.decimal(p.realized());
        out.decimal(p.maxQty());
        out.decimal(p.closedQty());
        out.decimal(p.closedNotional());
        out.end();
    }

    private static ShadowPositionState position(StateInput in) throws IOException {
        in.start();
        ShadowPositionState p = new ShadowPositionState(in.string(), in.constant(Side.class), in.number(),
                in.decimal(), in.decimal(), in.decimal(), in.decimal(), in.decimal(), in.decimal());
        in.end();
        return p;
    }

    private static void trade(StateOutput out, ExpertTrade t) throws IOException {
        out.start();
        out.number(t.seq());
        out.string(t.symbol());
        out.constant(t.side());
        out.number(t.openTime());
        out.number(t.closeTime());
        out.decimal(t.entryPrice());
        out.decimal(t.exitPrice());
        out.decimal(t.qty());
        out.decimal(t.realizedPnl());
        out.end();
    }

    private static ExpertTrade trade(StateInput in) throws IOException {
        in.start();
        ExpertTrade t = new ExpertTrade(in.number(), in.string(), in.constant(Side.class), in.number(), in.number(),
                in.decimal(), in.decimal(), in.decimal(), in.decimal());
        in.end();
        return t;
    }
}
