package com.copyguard.engine;

import static com.copyguard.engine.Json.dec;

import com.copyguard.domain.GuardianSetting;
import com.copyguard.domain.Instrument;
import com.copyguard.domain.LeverageSetting;
import com.copyguard.domain.SubscriptionSettings;
import com.copyguard.ledger.Account;
import com.copyguard.ledger.Expert;
import com.copyguard.ledger.ExpertPosition;
import com.copyguard.ledger.Ledger;
import com.copyguard.ledger.Position;
import com.copyguard.ledger.Subscription;
import com.copyguard.ledger.Transaction;
import com.copyguard.ledger.Valuation;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/** JSON shapes of the ledger's entities, as the HTTP contract defines them. */
public final class LedgerViews {
    private final Ledger ledger;
    private final ProfitShare profitShare;

    public LedgerViews(Ledger ledger, ProfitShare profitShare) {
        this.ledger = ledger;
        this.profitShare = profitShare;
    }

    public ObjectNode instrument(Instrument i) {
        ObjectNode n = Json.object();
        n.put("symbol", i.getSymbol());
        dec(n, "minQty", i.getMinQty());
        dec(n, "qtyStep", i.getQtyStep());
        n.put("maxLeverage", i.getMaxLeverage());
        dec(n, "takerFeeRate", i.getTakerFeeRate());
        dec(n, "maintenanceMarginRate", i.getMaintenanceMarginRate());
        dec(n, "followNotionalLimit", i.getFollowNotionalLimit());
        return n;
    }

    public ArrayNode instruments() {
        ArrayNode a = Json.array();
        ledger.instruments().forEach(i -> a.add(instrument(i)));
        return a;
    }

    public ObjectNode expert(Expert e) {
        ObjectNode n = Json.object();
        n.put("expertId", e.expertId());
        dec(n, "equity", e.equity());
        dec(n, "profitShareRate", e.profitShareRate());
        dec(n, "minFollowAmount", e.minFollowAmount());
        ArrayNode positions = n.putArray("positions");
        for (ExpertPosition p : e.positions()) {
            ObjectNode pn = positions.addObject();
            pn.put("symbol", p.symbol());
            pn.put("side", p.side().name());
            dec(pn, "qty", p.qty());
            dec(pn, "entryPrice", p.entryPrice());
            pn.put("leverage", p.leverage());
            pn.put("marginMode", p.marginMode().name());
            dec(pn, "margin", p.margin());
        }
        n.put("followers", e.followers());
        if (e.maxFollowers() == null) {
            n.putNull("maxFollowers");
        } else {
            n.put("maxFollowers", e.maxFollowers());
        }
        dec(n, "profitShareEarned", e.profitShareEarned());
        return n;
    }

    public ObjectNode subscription(Subscription s) {
        Valuation v = ledger.valuation();
        ObjectNode n = Json.object();
        n.put("subscriptionId", s.subscriptionId());
        n.put("followerId", s.followerId());
        n.put("expertId", s.expertId());
        n.put("accountId", s.accountId());
        n.put("mode", s.mode().name());
        dec(n, "fixedMargin", s.fixedMargin());
        dec(n, "multiplier", s.multiplier());
        n.put("status", s.status().name());
        n.set("settings", settings(s.settings()));
        ArrayNode positions = n.putArray("positions");
        Account a = ledger.account(s.accountId());
        for (Position p : a.positions()) {
            if (!p.key().subscriptionId().equals(s.subscriptionId())) {
                continue;
            }
            ObjectNode pn = positions.addObject();
            pn.put("symbol", p.symbol());
            pn.put("side", p.side().name());
            dec(pn, "qty", p.qty());
            dec(pn, "entryPrice", p.entryPrice());
            pn.put("leverage", p.leverage());
            pn.put("marginMode", p.marginMode().name());
            dec(pn, "margin", p.margin());
            dec(pn, "markPrice", v.mark(p));
            dec(pn, "unrealizedPnl", v.unrealizedPnl(p));
            PositionTriggers t = PositionTriggers.of(p,
                    ledger.instrument(p.symbol()).getMaintenanceMarginRate(), s.settings());
            dec(pn, "liquidationPrice", t.liquidationPrice());
            dec(pn, "stopLossPrice", t.stopLossPrice());
            dec(pn, "takeProfitPrice", t.takeProfitPrice());
        }
        dec(n, "realizedPnl", s.realizedPnl());
        dec(n, "fees", s.fees());
        dec(n, "netRealizedPnl", s.netRealizedPnl());
        dec(n, "highWaterMark", s.highWaterMark());
        dec(n, "pendingProfitShare", profitShare.pending(s));
        dec(n, "profitSharePaid", s.profitSharePaid());
        n.put("startTime", s.startTime());
        if (s.stopReason() != null) {
            n.put("stopReason", s.stopReason().name());
        }
        return n;
    }

    public ObjectNode settings(SubscriptionSettings s) {
        ObjectNode n = Json.object();
        if (s.getPairs() == null) {
            n.putNull("pairs");
        } else {
            ArrayNode pairs = n.putArray("pairs");
            s.getPairs().forEach(pairs::add);
        }
        n.put("autoFollowNewPairs", s.isAutoFollowNewPairs());
        LeverageSetting l = s.getLeverage();
        ObjectNode ln = n.putObject("leverage");
        ln.put("mode", l.getMode().name());
        if (l.getValue() != null) {
            ln.put("value", l.getValue());
        }
        if (!l.getPerSymbol().isEmpty()) {
            ObjectNode per = ln.putObject("perSymbol");
            l.getPerSymbol().forEach(per::put);
        }
        n.put("marginMode", s.getMarginMode().name());
        dec(n, "stopLossRatio", s.getStopLossRatio());
        dec(n, "takeProfitRatio", s.getTakeProfitRatio());
        dec(n, "maxMarginPerPair", s.getMaxMarginPerPair());
        dec(n, "maxSlippage", s.getMaxSlippage());
        dec(n, "maxMarginPerOrderRatio", s.getMaxMarginPerOrderRatio());
        dec(n, "maxPositionValue", s.getMaxPositionValue());
        GuardianSetting g = s.getGuardian();
        ObjectNode gn = n.putObject("guardian");
        dec(gn, "maxNetLoss", g.getMaxNetLoss());
        dec(gn, "minNetValue", g.getMinNetValue());
        dec(gn, "maxDrawdownRatio", g.getMaxDrawdownRatio());
        ArrayNode limits = n.putArray("lossLimits");
        for (com.copyguard.domain.LossLimit limit : s.getLossLimits()) {
            ObjectNode limitNode = limits.addObject();
            limitNode.put("period", limit.getPeriod().name());
            dec(limitNode, "maxLoss", limit.getMaxLoss());
            dec(limitNode, "maxLossRatio", limit.getMaxLossRatio());
            limitNode.put("closePositions", limit.isClosePositions());
        }
        return n;
    }

    public ObjectNode account(Account a) {
        Valuation v = ledger.valuation();
        ObjectNode n = Json.object();
        n.put("accountId", a.accountId());
        n.put("followerId", a.followerId());
        n.put("pool", a.isPool());
        dec(n, "balance", a.balance());
        dec(n, "equity", v.equity(a));
        dec(n, "unrealizedPnl", v.unrealizedPnl(a));
        dec(n, "usedMargin", v.usedMargin(a));
        dec(n, "frozen", a.frozen());
        dec(n, "available", v.available(a));
        dec(n, "netInvested", a.netInvested());
        dec(n, "pendingProfitShare", profitShare.pending(a));
        dec(n, "initialInvestment", a.initialInvestment());
        dec(n, "loan", a.loan());
        ArrayNode subs = n.putArray("subscriptions");
        a.subscriptionIds().forEach(subs::add);
        return n;
    }

    public ArrayNode transactions(Account a) {
        ArrayNode arr = Json.array();
        for (Transaction t : a.transactions()) {
            arr.add(transaction(t));
        }
        return arr;
    }

    public static ObjectNode transaction(Transaction t) {
        {
            ObjectNode n = Json.object();
            n.put("seq", t.seq());
            n.put("time", t.time());
            n.put("type", t.type().name());
            dec(n, "amount", t.amount());
            if (t.subscriptionId() != null) {
                n.put("subscriptionId", t.subscriptionId());
            }
            if (t.ref() != null) {
                n.put("ref", t.ref());
            }
            if (t.requestedBy() != null) {
                n.set("requestedBy", sender(t.requestedBy()));
            }
            return n;
        }
    }

    public static ArrayNode riskActions(java.util.List<RiskActionRecord> actions) {
        ArrayNode arr = Json.array();
        actions.forEach(r -> arr.add(riskAction(r, false)));
        return arr;
    }

    public static ObjectNode riskAction(RiskActionRecord r, boolean full) {
        ObjectNode n = Json.object();
        n.put("subscriptionId", r.subscriptionId());
        n.put("symbol", r.symbol());
        n.put("side", r.side() == null ? null : r.side().name());
        n.put("action", r.action());
        // a margin change applied in full has no reason
        n.put("reason", r.reason() == null ? null : r.reason().name());
        dec(n, "qty", r.qty());
        dec(n, "price", r.price());
        dec(n, "realizedPnl", r.realizedPnl());
        if (full) {
            n.put("accountId", r.accountId());
            n.put("ruleSet", r.ruleSet());
            ArrayNode fired = n.putArray("rulesFired");
            r.rulesFired().forEach(fired::add);
            ObjectNode explanation = n.putObject("explanation");
            r.explanation().forEach(explanation::put);
            n.put("time", r.time());
            n.put("ref", r.ref());
            if (r.requestedBy() != null) {
                n.set("requestedBy", sender(r.requestedBy()));
            }
        }
        return n;
    }

    /** {subject, role} of whoever sent an input. */
    public static ObjectNode sender(com.copyguard.command.Sender s) {
        return Json.object().put("subject", s.subject()).put("role", s.role());
    }

    public static ObjectNode decision(DecisionRecord d, boolean full) {
        ObjectNode n = Json.object();
        if (full) {
            n.put("fillId", d.fillId());
            n.put("expertId", d.expertId());
        }
        n.put("subscriptionId", d.subscriptionId());
        if (full) {
            n.put("symbol", d.symbol());
            n.put("action", d.action().name());
        }
        n.put("outcome", d.outcome().name());
        if (d.reason() != null) {
            n.put("reason", d.reason().name());
        }
        dec(n, "qty", d.qty());
        dec(n, "price", d.price());
        dec(n, "margin", d.margin());
        if (d.leverage() == null) {
            n.putNull("leverage");
        } else {
            n.put("leverage", d.leverage());
        }
        if (full) {
            n.put("ruleSet", d.ruleSet());
            ArrayNode fired = n.putArray("rulesFired");
            d.rulesFired().forEach(fired::add);
            ObjectNode explanation = n.putObject("explanation");
            d.explanation().forEach(explanation::put);
            n.put("time", d.time());
            if (d.fillSentBy() != null) {
                n.set("fillSentBy", sender(d.fillSentBy()));
            }
        }
        return n;
    }
}
