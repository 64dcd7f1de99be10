package com.copyguard.core.engine;

import com.copyguard.core.refusal.RefusalCode;
import com.copyguard.core.refusal.InputRefused;
import com.copyguard.core.command.ExpertFill;
import com.copyguard.core.model.Decimals;
import com.copyguard.core.model.Instrument;
import com.copyguard.core.model.Outcome;
import com.copyguard.core.model.SubscriptionStatus;
import com.copyguard.core.ledger.Expert;
import com.copyguard.core.ledger.ExpertPosition;
import com.copyguard.core.ledger.Ledger;
import com.copyguard.core.ledger.Subscription;
import com.copyguard.core.rules.ActiveRules;
import com.copyguard.core.rules.RuleSet;
import com.copyguard.core.rules.facts.ExpertOrder;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Copies an expert fill: validates it, has every subscription's copy decided and applied, updates
 * the expert's own position, then runs the risk rules over the accounts the new price touches.
 */
final class FillProcessor {
    private final Ledger ledger;
    private final ActiveRules rules;
    private final Idempotency idempotency;
    private final CopyExecutor executor;
    private final RiskProcessor risk;
    private final SubscriptionLifecycle lifecycle;
    private final EngineEvents events;
    private final DecisionLog decisionLog;
    private final RiskLog riskLog;

    FillProcessor(Ledger ledger, ActiveRules rules, Idempotency idempotency, CopyExecutor executor, RiskProcessor risk,
                  SubscriptionLifecycle lifecycle, EngineEvents events, DecisionLog decisionLog, RiskLog riskLog) {
        this.ledger = ledger;
        this.rules = rules;
        this.idempotency = idempotency;
        this.executor = executor;
        this.risk = risk;
        this.lifecycle = lifecycle;
        this.events = events;
        this.decisionLog = decisionLog;
        this.riskLog = riskLog;
    }

    Result apply(ExpertFill f) {
        return idempotency.once(key(f), f, () -> decide(f));
    }

    /**
     * The claims this engine's copies of {@code f} make on its token budget, deciding and changing
     * nothing: {@link TokenShare#NONE} for a fill that copies nothing under a budget here (a repeat,
     * a refused fill, a close, an instrument without a limit).
     */
    TokenShare tokenShare(ExpertFill f) {
        if (!f.action().isOpening() || idempotency.knows(key(f))) {
            return TokenShare.NONE;
        }
        Order o;
        try {
            o = order(f);
        } catch (InputRefused refused) {
            return TokenShare.NONE;
        }
        if (o.instrument().getFollowNotionalLimit() == null) {
            return TokenShare.NONE;
        }
        try {
            return executor.tokenShare(o.expert(), o.order(), o.instrument(), following(o.expert()), o.price(), rules.get());
        } catch (com.copyguard.core.refusal.RuleFailure failed) {
            // the rules fail on this engine's copies: applying the fill will refuse it here too, claiming nothing
            return TokenShare.NONE;
        }
    }

    private static String key(ExpertFill f) {
        return "fill:" + f.expertId() + "/" + f.fillId();
    }

    /** A fill checked against the ledger, as the rules see it; the ledger is not changed. */
    private record Order(Expert expert, Instrument instrument, ExpertOrder order, BigDecimal price) {
    }

    private Order order(ExpertFill f) {
        Expert expert = Lookup.expert(ledger, f.expertId());
        Instrument instrument = ledger.instrument(f.symbol());
        if (instrument == null) {
            throw new InputRefused(RefusalCode.UNKNOWN_INSTRUMENT, "symbol " + f.symbol() + " is not a known instrument");
        }
        if (f.leverage() > instrument.getMaxLeverage()) {
            throw new InputRefused(RefusalCode.LEVERAGE_ABOVE_MAX, "leverage " + f.leverage() + " exceeds "
                    + f.symbol() + "'s maximum of " + instrument.getMaxLeverage());
        }
        // SPEC "Exact money, bounded": quantities at the instrument's step; more places than the step has are refused
        if (f.qty().stripTrailingZeros().scale() > instrument.getQtyStep().stripTrailingZeros().scale()) {
            throw new InputRefused(RefusalCode.INVALID_FIELD, "qty " + InputRefused.quote(f.qty().toPlainString())
                    + " has more decimal places than " + f.symbol() + "'s quantity step " + instrument.getQtyStep().toPlainString());
        }
        if (expert.lastFillTime() != null && f.time() < expert.lastFillTime()) {
            throw new InputRefused(RefusalCode.FILL_OUT_OF_ORDER, "fill " + f.fillId() + " at " + f.time()
                    + " is older than expert " + f.expertId() + "'s previous fill at " + expert.lastFillTime()
                    + "; an expert's fills must not go back in time");
        }
        ExpertPosition before = expert.position(f.symbol(), f.action().side());
        BigDecimal positionBefore = before == null ? BigDecimal.ZERO : before.qty();
        if (!f.action().isOpening() && f.qty().compareTo(positionBefore) > 0) {
            throw new InputRefused(RefusalCode.CLOSE_EXCEEDS_POSITION, "expert " + f.expertId() + " closes "
                    + Decimals.plain(f.qty()) + " " + f.symbol() + " " + f.action().side() + " but holds "
                    + Decimals.plain(positionBefore));
        }
        BigDecimal equity = f.expertEquity() != null ? f.expertEquity() : expert.equity();
        Long sinceLastOpen = f.action().isOpening() && expert.lastOpenTime() != null
                ? f.time() - expert.lastOpenTime() : null;
        BigDecimal price = ledger.prices().executionPrice(f.symbol(), f.price(), f.time());
        ExpertOrder order = new ExpertOrder(f.expertId(), f.fillId(), f.symbol(), f.action().side(),
                f.action().isOpening(), f.qty(), f.price(), f.leverage(), f.marginMode(), f.status(), f.time(),
                equity, positionBefore, sinceLastOpen, Math.max(0L, ledger.clock() - f.time()));
        return new Order(expert, instrument, order, price);
    }

    private FillResult decide(ExpertFill f) {
        long started = System.nanoTime();
        Order o = order(f);
        Expert expert = o.expert();
        Instrument instrument = o.instrument();
        ExpertOrder order = o.order();
        BigDecimal price = o.price();
        RuleSet ruleSet = rules.get();

        long firstDecision = decisionLog.size();
        List<DecisionRecord> made = f.action().isOpening()
                ? executor.opens(expert, order, instrument, following(expert), price, ruleSet)
                : executor.closes(expert, order, instrument, price, ruleSet);

        ledger.upsertExpert(expert.expertId(), null, null, f.expertEquity());
        if (f.action().isOpening()) {
            ledger.expertOpened(expert, f.symbol(), f.action().side(), f.qty(), f.price(), f.leverage(), f.marginMode(),
                    f.time());
        } else {
            ledger.expertClosed(expert, f.symbol(), f.action().side(), f.qty(), f.time());
            for (DecisionRecord d : made) {
                lifecycle.finishIfDrained(ledger.subscription(d.subscriptionId()), f.time(), f.fillId());
            }
        }
        events.fillDecided(f, made, System.nanoTime() - started);
        // accounts whose copies this fill closed are checked too: a realized loss may reach a loss limit
        java.util.Set<com.copyguard.core.ledger.Account> checked = new java.util.LinkedHashSet<>(
                risk.accountsToCheck(Set.of(f.symbol()), false).accounts());
        if (!f.action().isOpening()) {
            made.forEach(d -> checked.add(ledger.account(ledger.subscription(d.subscriptionId()).accountId())));
        }
        long firstAction = riskLog.size();
        List<RiskActionRecord> actions = risk.evaluate(checked, f.time(), f.fillId());
        FanOutSummary.requireLoggedTogether("decisions", made.size(), firstDecision, decisionLog.size());
        FanOutSummary.requireLoggedTogether("risk actions", actions.size(), firstAction, riskLog.size());

        return answer(f.expertId(), f.fillId(), made, firstDecision, actions, firstAction);
    }

    /** Subscriptions that receive the expert's opens: all but the stopped ones (inactive ones are rejected by rule). */
    private List<Subscription> following(Expert expert) {
        List<Subscription> out = new ArrayList<>(expert.subscriptionIds().size());
        for (String id : expert.subscriptionIds()) {
            Subscription s = ledger.subscription(id);
            if (s.status() != SubscriptionStatus.STOPPED) {
                out.add(s);
            }
        }
        return out;
    }

    /** The reply: counts in one pass over the records, and the first page only turned into summaries. */
    private static FillResult answer(String expertId, String fillId, List<DecisionRecord> made, long firstDecision,
                                     List<RiskActionRecord> actions, long firstAction) {
        FanOutSummary decisions = FanOutSummary.of(made, d -> d.outcome().name(), DecisionRecord::reason, firstDecision);
        long copied = decisions.byOutcome().getOrDefault(Outcome.COPIED.name(), 0L);
        return new FillResult(expertId, fillId, copied, made.size() - copied,
                FanOutSummary.firstPage(made).stream().map(DecisionSummary::of).toList(), decisions,
                RiskActionSummary.of(FanOutSummary.firstPage(actions)),
                FanOutSummary.of(actions, RiskActionRecord::action, RiskActionRecord::reason, firstAction));
    }
}
