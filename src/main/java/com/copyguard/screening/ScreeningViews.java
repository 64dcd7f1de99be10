package com.copyguard.screening;

import static com.copyguard.engine.Json.dec;

import com.copyguard.engine.Json;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.math.BigDecimal;
import java.math.RoundingMode;

/** JSON shapes of screening answers. Ratios are shown to 6 decimal places; money exactly. */
public final class ScreeningViews {
    private static final int RATIO_SCALE = 6;

    private ScreeningViews() {
    }

    static BigDecimal ratio(BigDecimal r) {
        return r == null ? null : r.setScale(RATIO_SCALE, RoundingMode.HALF_EVEN);
    }

    public static ObjectNode screening(Screening s) {
        ObjectNode n = Json.object();
        n.put("expertId", s.expertId());
        n.set("metrics", metrics(s.metrics()));
        n.set("flags", flags(s));
        n.put("verdict", s.verdict().name());
        n.put("verdictRule", s.verdictRule());
        n.put("ruleSet", s.ruleSet());
        return n;
    }

    /** The short form used by GET /experts. */
    public static ObjectNode summary(Screening s) {
        ObjectNode n = Json.object();
        n.put("expertId", s.expertId());
        n.put("verdict", s.verdict().name());
        ArrayNode codes = n.putArray("flags");
        s.flags().forEach(f -> codes.add(f.code().name()));
        ScreeningMetrics m = s.metrics();
        n.put("tradingDays", m.tradingDays());
        dec(n, "roi", ratio(m.roi()));
        dec(n, "maxDrawdown", ratio(m.maxDrawdown()));
        dec(n, "followersPnl", m.followersPnl());
        dec(n, "winRate", ratio(m.winRate()));
        n.put("closedPositions", m.closedPositions());
        n.put("followers", m.followers());
        n.put("activeFollowers", m.activeFollowers());
        n.put("ruleSet", s.ruleSet());
        return n;
    }

    /** One closed position of GET /experts/{id}/trades. */
    static ObjectNode trade(ExpertTrade t) {
        ObjectNode n = Json.object();
        n.put("seq", t.seq());
        n.put("symbol", t.symbol());
        n.put("side", t.side().name());
        n.put("openTime", t.openTime());
        n.put("closeTime", t.closeTime());
        dec(n, "entryPrice", t.entryPrice());
        dec(n, "exitPrice", t.exitPrice());
        dec(n, "qty", t.qty());
        dec(n, "realizedPnl", t.realizedPnl());
        return n;
    }

    private static ArrayNode flags(Screening s) {
        ArrayNode arr = Json.array();
        for (ScreeningFlag f : s.flags()) {
            ObjectNode fn = arr.addObject();
            fn.put("code", f.code().name());
            fn.put("severity", f.severity().name());
            fn.put("detail", f.detail());
            fn.put("rule", f.rule());
        }
        return arr;
    }

    private static ObjectNode metrics(ScreeningMetrics m) {
        ObjectNode n = Json.object();
        n.put("firstDay", m.firstDay());
        n.put("asOfDay", m.asOfDay());
        n.put("tradingDays", m.tradingDays());
        dec(n, "roi", ratio(m.roi()));
        dec(n, "maxDrawdown", ratio(m.maxDrawdown()));
        dec(n, "currentDrawdown", ratio(m.currentDrawdown()));
        n.put("closedPositions", m.closedPositions());
        dec(n, "winRate", ratio(m.winRate()));
        dec(n, "volatility", ratio(m.volatility()));
        dec(n, "sharpe", ratio(m.sharpe()));
        n.put("majorsOnly", m.majorsOnly());
        ArrayNode symbols = n.putArray("symbolsTraded");
        m.symbolsTraded().forEach(symbols::add);
        dec(n, "followersPnl", m.followersPnl());
        n.put("followers", m.followers());
        n.put("activeFollowers", m.activeFollowers());
        return n;
    }

    /** GET /experts/{id}/equity: the observed day closes. */
    public static ObjectNode history(String expertId, ExpertHistory h) {
        ObjectNode n = Json.object();
        n.put("expertId", expertId);
        ArrayNode days = n.putArray("days");
        if (h != null) {
            for (DayClose c : h.days().values()) {
                ObjectNode d = days.addObject();
                d.put("day", TradingDay.iso(c.day()));
                dec(d, "equity", c.equity());
                dec(d, "index", ratio(c.index()));
            }
        }
        return n;
    }
}
