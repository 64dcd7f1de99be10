package com.copyguard.core.engine;

import com.copyguard.core.model.Decimals;
import com.copyguard.core.model.FillAction;
import com.copyguard.core.model.Instrument;
import com.copyguard.core.model.Outcome;
import com.copyguard.core.model.ReasonCode;
import com.copyguard.core.model.TransactionType;
import com.copyguard.core.ledger.Closed;
import com.copyguard.core.ledger.Expert;
import com.copyguard.core.ledger.Ledger;
import com.copyguard.core.ledger.Position;
import com.copyguard.core.ledger.PositionKey;
import com.copyguard.core.ledger.Subscription;
import com.copyguard.core.rules.ActiveRules;
import com.copyguard.core.rules.RuleEvaluator;
import com.copyguard.core.rules.RuleSet;
import com.copyguard.core.rules.facts.CloseCopy;
import com.copyguard.core.rules.facts.ExpertOrder;
import com.copyguard.core.rules.facts.OpenCopy;
import com.copyguard.core.rules.facts.RuleDecision;
import com.copyguard.core.rules.facts.TokenBudget;
import com.copyguard.core.rules.facts.TokenClaim;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

/**
 * Lets the rules decide every subscription's copy of one expert order, then applies the decisions
 * to the ledger and logs them. The rules run before anything changes, so a failing rule leaves
 * the ledger untouched.
 */
final class CopyExecutor {
    private final Ledger ledger;
    private final DecisionLog decisions;
    private final CopyFacts facts;
    private final ActiveRules rules;
    /** What the other shards hold, for the input being applied; {@link OtherShards#NONE} on a single node. */
    private OtherShards others = OtherShards.NONE;

    CopyExecutor(Ledger ledger, DecisionLog decisions, ActiveRules rules) {
        this.ledger = ledger;
        this.decisions = decisions;
        this.facts = new CopyFacts(ledger);
        this.rules = rules;
    }

    BigDecimal followingNotional(Expert expert, String symbol) {
        return facts.localTokenUsed(expert, symbol);
    }

    void otherShards(OtherShards others) {
        this.others = others;
    }

    /**
     * The claims the copies of an opening order for {@code subscriptions} make on its token budget
     * ({@link TokenClaim}s of a budget not settled: the rules claim and grant nothing), with this
     * ledger's following notional; the ledger is not changed. What a cluster shard sends the others.
     */
    TokenShare tokenShare(Expert expert, ExpertOrder order, Instrument instrument, List<Subscription> subscriptions,
                          BigDecimal price, RuleSet ruleSet) {
        List<OpenCopy> copies = copies(expert, order, instrument, subscriptions, price);
        TokenBudget budget = facts.tokenBudget(expert, instrument, OtherShards.NONE, false);
        List<TokenShare.Claim> claims = new ArrayList<>();
        if (!copies.isEmpty()) {
            List<Object> session = new ArrayList<>(copies);
            session.add(budget);
            RuleEvaluator.evaluate(ruleSet, session);
            for (OpenCopy c : copies) {
                if (c.isTokenClaimed()) {
                    TokenClaim t = new TokenClaim(c);
                    claims.add(new TokenShare.Claim(t.getStartTime(), t.getFollowerId(), t.getNotional()));
                }
            }
        }
        return new TokenShare(budget.getUsed(), claims);
    }

    private List<OpenCopy> copies(Expert expert, ExpertOrder order, Instrument instrument, List<Subscription> subscriptions,
                                  BigDecimal price) {
        List<OpenCopy> copies = new ArrayList<>(subscriptions.size());
        BigDecimal slippage = OpenCopy.slippage(order, price);
        for (Subscription s : subscriptions) {
            copies.add(facts.openCopy(order, instrument, s, expert, price, slippage));
        }
        return copies;
    }

    /** Decides and opens the copies of an opening order for {@code subscriptions} at {@code price}. */
    List<DecisionRecord> opens(Expert expert, ExpertOrder order, Instrument instrument, List<Subscription> subscriptions,
                               BigDecimal price, RuleSet ruleSet) {
        List<OpenCopy> copies = copies(expert, order, instrument, subscriptions, price);
        TokenBudget budget = facts.tokenBudget(expert, instrument, others, true);
        if (budget != null && !copies.isEmpty()) {
            // the budget is shared by every copy of the fill (and by the other shards' claims): one session sees them all
            List<Object> session = new ArrayList<>(copies);
            session.add(budget);
            session.addAll(others.tokenClaims(expert.expertId(), instrument.getSymbol()));
            RuleEvaluator.evaluate(ruleSet, session);
        } else {
            // one copy per account (a follower follows an expert once): independent facts
            RuleEvaluator.evaluateIndependent(ruleSet, copies);
        }
        rules.shadow().compare(order, copies, c -> facts.openCopy(order, instrument,
                ledger.subscription(c.getFollower().getSubscriptionId()), expert, price));

        List<DecisionRecord> made = new ArrayList<>(copies.size());
        for (OpenCopy c : copies) {
            Subscription s = ledger.subscription(c.getFollower().getSubscriptionId());
            BigDecimal margin = null;
            BigDecimal qty = BigDecimal.ZERO;
            if (settled(c) == Outcome.COPIED) {
                joinOpenMarginMode(c, ledger.account(s.accountId()), order.getSymbol());
                margin = c.getMargin();
                qty = c.getQty();
                ledger.openCopy(s, order.getSymbol(), order.getSide(), qty, price, c.getLeverage(), c.getMarginMode(),
                        margin, instrument.getTakerFeeRate(), order.getTime(), order.getFillId());
            }
            made.add(record(order, s.subscriptionId(), c, qty, price, margin, c.getLeverage(), ruleSet));
        }
        decisions.addAll(made);
        return made;
    }

    /** Decides and applies every follower's proportional close of a closing order. */
    List<DecisionRecord> closes(Expert expert, ExpertOrder order, Instrument instrument, BigDecimal price,
                                RuleSet ruleSet) {
        List<CloseCopy> copies = new ArrayList<>();
        List<Subscription> holders = new ArrayList<>();
        List<Position> positions = new ArrayList<>();
        for (String id : expert.subscriptionIds()) {
            Subscription s = ledger.subscription(id);
            Position p = positionOf(s, order);
            if (p != null) {
                copies.add(new CloseCopy(order, instrument, id, p.qty()));
                holders.add(s);
                positions.add(p);
            }
        }
        RuleEvaluator.evaluateIndependent(ruleSet, copies);
        rules.shadow().compare(order, copies, c -> new CloseCopy(order, instrument, c.getSubscriptionId(),
                c.getPositionQty()));

        List<DecisionRecord> made = new ArrayList<>(copies.size());
        for (int i = 0; i < copies.size(); i++) {
            // the rules change no position: the ones looked up before they ran are still the ones to close
            CloseCopy c = copies.get(i);
            Subscription s = holders.get(i);
            Position p = positions.get(i);
            int leverage = p.leverage();
            if (settled(c) == Outcome.COPIED) {
                BigDecimal qty = Decimals.min(c.getQty(), p.qty());
                Closed closed = ledger.closeCopy(s, p, qty, price, instrument.getTakerFeeRate(),
                        TransactionType.REALIZED_PNL, order.getTime(), order.getFillId());
                made.add(record(order, s.subscriptionId(), c, qty, price, closed.releasedMargin(), leverage, ruleSet));
            } else {
                made.add(record(order, s.subscriptionId(), c, BigDecimal.ZERO, price, null, leverage, ruleSet));
            }
        }
        decisions.addAll(made);
        return made;
    }

    /** Logs a copy the rules failed to decide (a throwing or runaway rule) as NO_RULE_DECIDED. */
    DecisionRecord undecided(ExpertOrder order, String subscriptionId, BigDecimal price, RuleSet ruleSet,
                             com.copyguard.core.refusal.RuleFailure failure) {
        OpenCopy marker = new OpenCopy(order, ledger.instrument(order.getSymbol()),
                facts.follower(ledger.subscription(subscriptionId), ledger.expert(order.getExpertId()), order.getSymbol()),
                price);
        marker.explain("ruleFailure", failure.errorCode() + ": " + failure.getMessage());
        settled(marker);
        DecisionRecord r = record(order, subscriptionId, marker, BigDecimal.ZERO, price, null, null, ruleSet);
        decisions.add(r);
        return r;
    }

    /**
     * Margin mode is per account and symbol while a position is open (SPEC.md execution point 7): a
     * copy decided in the other mode joins the open position's mode, and its decision says so.
     */
    private static void joinOpenMarginMode(OpenCopy c, com.copyguard.core.ledger.Account account, String symbol) {
        com.copyguard.core.model.MarginMode open = account.openMarginMode(symbol);
        if (open != null && open != c.getMarginMode()) {
            c.explain("marginModeDecided", c.getMarginMode());
            c.explain("marginModeJoined", open);
            c.setMarginMode(open);
        }
    }

    private Position positionOf(Subscription s, ExpertOrder order) {
        return ledger.account(s.accountId()).position(new PositionKey(s.subscriptionId(), order.getSymbol(), order.getSide()));
    }

    /** A decision the rules left open is a rule-set defect: reported as such, never guessed. */
    private static Outcome settled(RuleDecision d) {
        if (d.isUndecided()) {
            d.reject(ReasonCode.NO_RULE_DECIDED);
        }
        return d.getOutcome();
    }

    /** The decision as logged; the caller adds it to the log (a fill's decisions in one call). */
    private DecisionRecord record(ExpertOrder order, String subscriptionId, RuleDecision d, BigDecimal qty,
                                  BigDecimal price, BigDecimal margin, Integer leverage, RuleSet ruleSet) {
        DecisionRecord r = new DecisionRecord(order.getFillId(), order.getExpertId(), subscriptionId, order.getSymbol(),
                actionOf(order), d.getOutcome(), d.getReason(), qty, price, margin, leverage, ruleSet.version(),
                d.getFiredRules(), d.getExplanation(), order.getTime(), ledger.sentBy());
        return r;
    }

    private static FillAction actionOf(ExpertOrder o) {
        return switch (o.getSide()) {
            case LONG -> o.isOpening() ? FillAction.OPEN_LONG : FillAction.CLOSE_LONG;
            case SHORT -> o.isOpening() ? FillAction.OPEN_SHORT : FillAction.CLOSE_SHORT;
        };
    }
}
