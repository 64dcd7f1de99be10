package com.copyguard.core.engine;

import com.copyguard.core.refusal.RefusalCode;
import com.copyguard.core.refusal.InputRefused;
import com.copyguard.core.command.ChangePositionMargin;
import com.copyguard.core.command.ExpertMarginChange;
import com.copyguard.core.model.Decimals;
import com.copyguard.core.model.MarginMode;
import com.copyguard.core.model.MarginModeChoice;
import com.copyguard.core.model.Outcome;
import com.copyguard.core.model.ReasonCode;
import com.copyguard.core.ledger.Expert;
import com.copyguard.core.ledger.ExpertPosition;
import com.copyguard.core.ledger.Ledger;
import com.copyguard.core.ledger.Position;
import com.copyguard.core.ledger.PositionKey;
import com.copyguard.core.ledger.Subscription;
import com.copyguard.core.rules.ActiveRules;
import com.copyguard.core.rules.RuleEvaluator;
import com.copyguard.core.rules.RuleSet;
import com.copyguard.core.rules.facts.MarginChange;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Margin added to or removed from isolated positions: a follower's own change, and an expert's
 * change copied in proportion to the followers whose copies follow the expert's margin mode. The
 * rules (margin.drl) decide whether and how much; this class measures and applies.
 */
final class MarginProcessor {
    private final Ledger ledger;
    private final LedgerViews views;
    private final ActiveRules rules;
    private final SubscriptionLifecycle lifecycle;
    private final Idempotency idempotency;
    private final RiskLog riskLog;

    MarginProcessor(Ledger ledger, LedgerViews views, ActiveRules rules, SubscriptionLifecycle lifecycle,
                    Idempotency idempotency, RiskLog riskLog) {
        this.idempotency = idempotency;
        this.riskLog = riskLog;
        this.ledger = ledger;
        this.views = views;
        this.rules = rules;
        this.lifecycle = lifecycle;
    }

    Result positionMargin(ChangePositionMargin c) {
        String key = c.requestId() == null ? null : "margin:" + c.subscriptionId() + "/" + c.requestId();
        return idempotency.once(key, c, () -> changePositionMargin(c));
    }

    private Result changePositionMargin(ChangePositionMargin c) {
        Subscription s = Lookup.subscription(ledger, c.subscriptionId());
        Position p = ledger.account(s.accountId()).position(new PositionKey(s.subscriptionId(), c.symbol(), c.side()));
        if (p == null) {
            throw new InputRefused(RefusalCode.NO_OPEN_POSITION, "subscription " + s.subscriptionId() + " has no open "
                    + c.symbol() + " " + c.side() + " position");
        }
        RuleSet ruleSet = rules.get();
        MarginChange change = fact(s, p, c.amount(), null, null);
        RuleEvaluator.evaluate(ruleSet, List.of(change));
        if (change.getOutcome() != Outcome.COPIED) {
            ReasonCode reason = change.getReason() == null ? ReasonCode.NO_RULE_DECIDED : change.getReason();
            throw InputRefused.byRule(reason, "margin change of " + Decimals.plain(c.amount()) + " on "
                    + c.symbol() + " " + c.side() + " refused: " + reason + " " + change.getExplanation());
        }
        RiskActionRecord r = apply(s, p, change, ruleSet, c.time(), "margin:" + s.subscriptionId());
        return new MarginResult(views.subscription(s), List.of(RiskActionView.of(r)));
    }

    Result expertMargin(ExpertMarginChange c) {
        String key = c.requestId() == null ? null : "expert-margin:" + c.expertId() + "/" + c.requestId();
        return idempotency.once(key, c, () -> changeExpertMargin(c));
    }

    private Result changeExpertMargin(ExpertMarginChange c) {
        Expert expert = Lookup.expert(ledger, c.expertId());
        ExpertPosition ep = expert.position(c.symbol(), c.side());
        if (ep == null) {
            throw new InputRefused(RefusalCode.NO_OPEN_POSITION, "expert " + c.expertId() + " has no open " + c.symbol()
                    + " " + c.side() + " position");
        }
        if (ep.marginMode() != MarginMode.ISOLATED) {
            throw InputRefused.byRule(ReasonCode.MARGIN_NOT_ISOLATED, "expert " + c.expertId() + "'s "
                    + c.symbol() + " " + c.side() + " position is " + ep.marginMode() + ": margin changes are isolated only");
        }
        BigDecimal expertMargin = ep.margin();
        BigDecimal mark = ledger.prices().markOr(c.symbol(), ep.entryPrice());
        BigDecimal initial = Decimals.margin(ep.qty(), mark, ep.leverage());
        if (expertMargin.add(c.amount()).compareTo(initial) < 0) {
            throw InputRefused.byRule(ReasonCode.MARGIN_BELOW_INITIAL, "expert " + c.expertId() + "'s margin "
                    + Decimals.plain(expertMargin) + " less " + Decimals.plain(c.amount().negate())
                    + " would be below the initial margin " + Decimals.plain(initial) + " at the mark " + Decimals.plain(mark));
        }
        RuleSet ruleSet = rules.get();
        List<MarginChange> copies = new ArrayList<>();
        List<Subscription> holders = new ArrayList<>();
        List<Position> positions = new ArrayList<>();
        for (String id : expert.subscriptionIds()) {
            Subscription s = ledger.subscription(id);
            Position p = ledger.account(s.accountId()).position(new PositionKey(id, c.symbol(), c.side()));
            // only copies whose margin mode follows the expert's follow its margin changes
            if (p != null && s.settings().getMarginMode() == MarginModeChoice.FOLLOW_EXPERT) {
                copies.add(fact(s, p, null, c.amount(), expertMargin));
                holders.add(s);
                positions.add(p);
            }
        }
        RuleEvaluator.evaluateIndependent(ruleSet, copies);
        ledger.expertMarginChanged(expert, c.symbol(), c.side(), c.amount());
        String ref = "expert-margin:" + c.expertId() + ":" + c.symbol() + ":" + c.side() + ":" + c.time();
        List<RiskActionRecord> made = new ArrayList<>();
        long firstLogged = riskLog.size();
        for (int i = 0; i < copies.size(); i++) {
            MarginChange change = copies.get(i);
            if (change.getOutcome() == Outcome.COPIED) {
                made.add(apply(holders.get(i), positions.get(i), change, ruleSet, c.time(), ref));
            } else {
                made.add(lifecycle.logged(record(holders.get(i), positions.get(i), change,
                        change.getReason() == null ? ReasonCode.NO_RULE_DECIDED : change.getReason(), ruleSet,
                        c.time(), ref, "REJECTED")));
            }
        }
        FanOutSummary.requireLoggedTogether("expert margin copies", made.size(), firstLogged, riskLog.size());
        return new ExpertMarginResult(c.expertId(), c.symbol(), c.side(), c.amount(), ep.margin(),
                RiskActionView.of(FanOutSummary.firstPage(made)), ref,
                FanOutSummary.of(made, r -> r.explanation().get("outcome"), RiskActionRecord::reason, firstLogged));
    }

    private MarginChange fact(Subscription s, Position p, BigDecimal requested, BigDecimal expertAmount,
                              BigDecimal expertMargin) {
        BigDecimal mark = ledger.valuation().mark(p);
        return new MarginChange(s.subscriptionId(), p.symbol(), p.side(), p.marginMode(), p.qty(), p.entryPrice(), mark,
                p.leverage(), p.margin(), ledger.instrument(p.symbol()).getMaintenanceMarginRate(),
                ledger.valuation().available(ledger.account(s.accountId())), requested, expertAmount, expertMargin);
    }

    private RiskActionRecord apply(Subscription s, Position p, MarginChange change, RuleSet ruleSet, long time, String ref) {
        ledger.changeMargin(s, p, change.getAmount(), time, ref);
        return lifecycle.logged(record(s, p, change, change.getCappedBy(), ruleSet, time, ref, "APPLIED"));
    }

    private RiskActionRecord record(Subscription s, Position p, MarginChange change, ReasonCode reason, RuleSet ruleSet,
                                    long time, String ref, String outcome) {
        Map<String, String> explanation = new LinkedHashMap<>(change.getExplanation());
        explanation.put("outcome", outcome);
        return new RiskActionRecord(s.subscriptionId(), s.accountId(), p.symbol(), p.side(), RiskActionRecord.MARGIN,
                reason, p.qty(), change.getMarkPrice(), null, ruleSet.version(), change.getFiredRules(), explanation,
                time, ref, ledger.sentBy());
    }

}
