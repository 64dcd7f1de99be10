package com.copyguard.engine;

import com.copyguard.command.ApiException;
import com.copyguard.command.ExpertFill;
import com.copyguard.decimal.Decimals;
import com.copyguard.domain.Instrument;
import com.copyguard.domain.Outcome;
import com.copyguard.domain.ReasonCode;
import com.copyguard.domain.SubscriptionStatus;
import com.copyguard.domain.TransactionType;
import com.copyguard.ledger.Account;
import com.copyguard.ledger.Expert;
import com.copyguard.ledger.ExpertPosition;
import com.copyguard.ledger.Ledger;
import com.copyguard.ledger.Position;
import com.copyguard.ledger.PositionKey;
import com.copyguard.ledger.Subscription;
import com.copyguard.rules.ActiveRules;
import com.copyguard.rules.RuleEvaluator;
import com.copyguard.rules.RuleSet;
import com.copyguard.rules.facts.CloseCopy;
import com.copyguard.rules.facts.ExpertOrder;
import com.copyguard.rules.facts.OpenCopy;
import com.copyguard.rules.facts.RuleDecision;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

/**
 * Copies an expert fill: validates it, lets the rules decide every subscription's copy, then
 * applies those decisions to the ledger. Nothing changes before the rules have decided, so an
 * invalid fill or a failing rule leaves state untouched.
 */
final class FillProcessor {
    private final Ledger ledger;
    private final ActiveRules rules;
    private final DecisionLog decisions;
    private final Idempotency idempotency;
    private final CopyFacts facts;
    private final EngineEvents events;

    FillProcessor(Ledger ledger, ActiveRules rules, DecisionLog decisions, Idempotency idempotency,
                  EngineEvents events) {
        this.events = events;
        this.ledger = ledger;
        this.rules = rules;
        this.decisions = decisions;
        this.idempotency = idempotency;
        this.facts = new CopyFacts(ledger);
    }

    Reply apply(ExpertFill f) {
        String key = "fill:" + f.expertId() + "/" + f.fillId();
        Reply seen = idempotency.seen(key);
        if (seen != null) {
            return seen;
        }
        long started = System.nanoTime();
        Expert expert = ledger.expert(f.expertId());
        if (expert == null) {
            throw ApiException.notFound("expert", f.expertId());
        }
        Instrument instrument = ledger.instrument(f.symbol());
        if (instrument == null) {
            throw new ApiException(400, "UNKNOWN_INSTRUMENT", "symbol " + f.symbol() + " is not a known instrument");
        }
        if (f.leverage() > instrument.getMaxLeverage()) {
            throw new ApiException(400, "LEVERAGE_ABOVE_MAX", "leverage " + f.leverage() + " exceeds "
                    + f.symbol() + "'s maximum of " + instrument.getMaxLeverage());
        }
        ExpertPosition before = expert.position(f.symbol(), f.action().side());
        BigDecimal positionBefore = before == null ? BigDecimal.ZERO : before.qty();
        if (!f.action().isOpening() && f.qty().compareTo(positionBefore) > 0) {
            throw ApiException.conflict("CLOSE_EXCEEDS_POSITION", "expert " + f.expertId() + " closes " + Decimals.plain(f.qty())
                    + " " + f.symbol() + " " + f.action().side() + " but holds " + Decimals.plain(positionBefore));
        }
        BigDecimal equity = f.expertEquity() != null ? f.expertEquity() : expert.equity();
        BigDecimal executionPrice = ledger.prices().executionPrice(f.symbol(), f.price(), f.time());
        ExpertOrder order = new ExpertOrder(f.expertId(), f.fillId(), f.symbol(), f.action().side(),
                f.action().isOpening(), f.qty(), f.price(), f.leverage(), f.marginMode(), f.status(), f.time(),
                equity, positionBefore);
        RuleSet ruleSet = rules.get();

        List<DecisionRecord> made = f.action().isOpening()
                ? copyOpen(expert, order, instrument, executionPrice, ruleSet)
                : copyClose(expert, order, instrument, executionPrice, ruleSet);

        events.fillDecided(f, made, System.nanoTime() - started);
        Reply reply = Reply.changed(200, answer(f.fillId(), made));
        idempotency.remember(key, reply);
        return reply;
    }

    private List<DecisionRecord> copyOpen(Expert expert, ExpertOrder order, Instrument instrument,
                                          BigDecimal price, RuleSet ruleSet) {
        List<OpenCopy> copies = new ArrayList<>();
        for (String id : expert.subscriptionIds()) {
            Subscription s = ledger.subscription(id);
            if (s.status() != SubscriptionStatus.STOPPED) {
                copies.add(facts.openCopy(order, instrument, s, price));
            }
        }
        RuleEvaluator.evaluate(ruleSet, copies);
        rules.shadow().compare(order, copies, c -> facts.openCopy(order, instrument,
                ledger.subscription(c.getFollower().getSubscriptionId()), price));

        ledger.upsertExpert(expert.expertId(), null, null, order.getExpertEquity());
        ledger.expertOpened(expert, order.getSymbol(), order.getSide(), order.getQty(), order.getPrice(),
                order.getLeverage(), order.getMarginMode(), order.getTime());
        ledger.observePrice(order.getSymbol(), order.getPrice(), order.getTime());
        List<DecisionRecord> made = new ArrayList<>(copies.size());
        for (OpenCopy c : copies) {
            Subscription s = ledger.subscription(c.getFollower().getSubscriptionId());
            BigDecimal margin = null;
            if (settled(c) == Outcome.COPIED) {
                margin = c.getMargin();
                ledger.openCopy(s, order.getSymbol(), order.getSide(), c.getQty(), price, c.getLeverage(),
                        c.getMarginMode(), margin, instrument.getTakerFeeRate(), order.getTime(), order.getFillId());
            }
            made.add(record(order, s.subscriptionId(), c, c.getOutcome() == Outcome.COPIED ? c.getQty() : BigDecimal.ZERO,
                    price, margin, c.getLeverage(), ruleSet));
        }
        return made;
    }

    private List<DecisionRecord> copyClose(Expert expert, ExpertOrder order, Instrument instrument,
                                           BigDecimal price, RuleSet ruleSet) {
        List<CloseCopy> copies = new ArrayList<>();
        for (String id : expert.subscriptionIds()) {
            Subscription s = ledger.subscription(id);
            Position p = positionOf(s, order);
            if (p != null) {
                copies.add(new CloseCopy(order, instrument, id, p.qty()));
            }
        }
        RuleEvaluator.evaluate(ruleSet, copies);
        rules.shadow().compare(order, copies, c -> new CloseCopy(order, instrument, c.getSubscriptionId(),
                c.getPositionQty()));

        ledger.upsertExpert(expert.expertId(), null, null, order.getExpertEquity());
        ledger.expertClosed(expert, order.getSymbol(), order.getSide(), order.getQty(), order.getTime());
        ledger.observePrice(order.getSymbol(), order.getPrice(), order.getTime());
        List<DecisionRecord> made = new ArrayList<>(copies.size());
        for (CloseCopy c : copies) {
            Subscription s = ledger.subscription(c.getSubscriptionId());
            Position p = positionOf(s, order);
            BigDecimal released = null;
            BigDecimal qty = BigDecimal.ZERO;
            if (settled(c) == Outcome.COPIED) {
                qty = Decimals.min(c.getQty(), p.qty());
                released = qty.compareTo(p.qty()) >= 0 ? p.margin() : Decimals.div(p.margin().multiply(qty), p.qty());
                int leverage = p.leverage();
                ledger.closeCopy(s, p, qty, price, instrument.getTakerFeeRate(), TransactionType.REALIZED_PNL,
                        order.getTime(), order.getFillId());
                made.add(record(order, s.subscriptionId(), c, qty, price, released, leverage, ruleSet));
            } else {
                made.add(record(order, s.subscriptionId(), c, qty, price, null, p.leverage(), ruleSet));
            }
        }
        return made;
    }

    private Position positionOf(Subscription s, ExpertOrder order) {
        Account a = ledger.account(s.accountId());
        return a.position(new PositionKey(s.subscriptionId(), order.getSymbol(), order.getSide()));
    }

    /** A decision the rules left open is a rule-set defect: reported as such, never guessed. */
    private static Outcome settled(RuleDecision d) {
        if (d.isPending()) {
            d.reject(ReasonCode.NO_RULE_DECIDED);
        }
        return d.getOutcome();
    }

    private DecisionRecord record(ExpertOrder order, String subscriptionId, RuleDecision d, BigDecimal qty,
                                  BigDecimal price, BigDecimal margin, Integer leverage, RuleSet ruleSet) {
        DecisionRecord r = new DecisionRecord(order.getFillId(), order.getExpertId(), subscriptionId, order.getSymbol(),
                actionOf(order), d.getOutcome(), d.getReason(), qty, price, margin, leverage, ruleSet.version(),
                d.getFiredRules(), d.getExplanation(), order.getTime());
        decisions.add(r);
        return r;
    }

    private static com.copyguard.domain.FillAction actionOf(ExpertOrder o) {
        return switch (o.getSide()) {
            case LONG -> o.isOpening() ? com.copyguard.domain.FillAction.OPEN_LONG : com.copyguard.domain.FillAction.CLOSE_LONG;
            case SHORT -> o.isOpening() ? com.copyguard.domain.FillAction.OPEN_SHORT : com.copyguard.domain.FillAction.CLOSE_SHORT;
        };
    }

    private static ObjectNode answer(String fillId, List<DecisionRecord> made) {
        ObjectNode n = Json.object();
        n.put("fillId", fillId);
        long copied = made.stream().filter(d -> d.outcome() == Outcome.COPIED).count();
        n.put("copied", copied);
        n.put("rejected", made.size() - copied);
        ArrayNode arr = n.putArray("decisions");
        made.forEach(d -> arr.add(LedgerViews.decision(d, false)));
        return n;
    }
}
