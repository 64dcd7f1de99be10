package com.copyguard.core.engine;

import com.copyguard.core.refusal.RefusalCode;
import com.copyguard.core.refusal.InputRefused;
import com.copyguard.core.command.Follow;
import com.copyguard.core.command.PatchSettings;
import com.copyguard.core.model.Decimals;
import com.copyguard.core.model.FillStatus;
import com.copyguard.core.model.FollowMode;
import com.copyguard.core.model.SubscriptionSettings;
import com.copyguard.core.ledger.Account;
import com.copyguard.core.ledger.Expert;
import com.copyguard.core.ledger.ExpertPosition;
import com.copyguard.core.ledger.Ledger;
import com.copyguard.core.ledger.Subscription;
import com.copyguard.core.rules.ActiveRules;
import com.copyguard.core.refusal.RuleFailure;
import com.copyguard.core.ledger.PositionKey;
import com.copyguard.core.rules.RuleEvaluator;
import com.copyguard.core.rules.facts.ExpertOrder;
import com.copyguard.core.rules.facts.FollowCapacity;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

/** Starting to follow (optionally copying the expert's open positions), and changing settings. */
final class FollowProcessor {
    /** The platform floor for the first transfer into a following account (SPEC.md). */
    static final BigDecimal PLATFORM_MIN_FOLLOW = new BigDecimal("50");

    private final Ledger ledger;
    private final LedgerViews views;
    private final ActiveRules rules;
    private final CopyExecutor executor;
    private final LossLimits lossLimits;

    FollowProcessor(Ledger ledger, LedgerViews views, ActiveRules rules, CopyExecutor executor) {
        this.lossLimits = new LossLimits(ledger);
        this.ledger = ledger;
        this.views = views;
        this.rules = rules;
        this.executor = executor;
    }

    Result follow(Follow c) {
        Expert expert = Lookup.expert(ledger, c.expertId());
        String existing = expert.activeSubscriptionOf(c.followerId());
        if (existing != null) {
            throw new InputRefused(RefusalCode.ALREADY_FOLLOWING, "follower " + c.followerId() + " already follows "
                    + c.expertId() + " in subscription " + existing);
        }
        checkCapacity(expert, c.followerId());
        boolean newAccount = c.mode() == FollowMode.SMART_RATIO || ledger.poolOf(c.followerId()) == null;
        // every follow transfers money that meets the expert's minimum, also into an existing pool;
        // the platform floor applies to the first transfer into a new account
        BigDecimal floor = newAccount ? Decimals.max(PLATFORM_MIN_FOLLOW, expert.minFollowAmount()) : expert.minFollowAmount();
        if (c.amount().signum() <= 0 || c.amount().compareTo(floor) < 0) {
            throw new InputRefused(RefusalCode.BELOW_MIN_FOLLOW_AMOUNT, "a follow must transfer more than 0 and at least "
                    + Decimals.plain(floor) + " USDT (" + (newAccount ? "platform minimum 50 for a new account, " : "")
                    + "expert minimum " + Decimals.plain(expert.minFollowAmount()) + "); got " + Decimals.plain(c.amount()));
        }
        SubscriptionSettings settings = knownPairs(c.initialSettings());
        Subscription s = ledger.subscribe(c.followerId(), expert, c.mode(), c.fixedMargin(), c.multiplier(),
                settings, c.time());
        Account account = ledger.account(s.accountId());
        ledger.deposit(account, c.amount(), c.time(), s.subscriptionId(), "follow:" + s.subscriptionId(), true);
        lossLimits.bringUpToDate(s, Math.max(ledger.clock(), c.time()));
        List<DecisionRecord> copied = c.copyExistingPositions() ? copyExisting(expert, s, c.time(), "follow") : List.of();
        return new FollowResult(s.subscriptionId(), s.accountId(), s.status(),
                copied.stream().map(DecisionView::of).toList());
    }

    /**
     * The capacity rules (capacity.drl) decide whether an expert with {@code maxFollowers} has room
     * for one more subscription; refused with 409 and the rules' reason (EXPERT_FULL).
     */
    private void checkCapacity(Expert expert, String followerId) {
        if (expert.maxFollowers() == null) {
            return;
        }
        int followers = ledger.followersEverywhere(expert);
        FollowCapacity capacity = new FollowCapacity(expert.expertId(), followerId, followers, expert.maxFollowers());
        RuleEvaluator.evaluate(rules.get(), List.of(capacity));
        if (capacity.getOutcome() == com.copyguard.core.model.Outcome.REJECTED) {
            throw InputRefused.byRule(capacity.getReason(), "expert " + expert.expertId() + " has "
                    + followers + " followers of at most " + expert.maxFollowers() + " ("
                    + rules.get().version() + ": " + String.join(", ", capacity.getFiredRules()) + ")");
        }
    }

    /**
     * Copies the expert's open positions at the current mark, sized by the mode, one at a time so
     * each sees the margin the previous one used. No slippage or frequency check applies: the
     * execution price is the mark itself and these are not new expert openings. A position the
     * subscription already holds a copy of (after a pause) is not copied again.
     */
    List<DecisionRecord> copyExisting(Expert expert, Subscription s, long time, String origin) {
        List<DecisionRecord> made = new ArrayList<>();
        Account account = ledger.account(s.accountId());
        for (ExpertPosition p : List.copyOf(expert.positions())) {
            if (account.position(new PositionKey(s.subscriptionId(), p.symbol(), p.side())) != null) {
                continue;
            }
            BigDecimal mark = ledger.prices().markOr(p.symbol(), p.entryPrice());
            ExpertOrder order = new ExpertOrder(expert.expertId(), origin + ":" + s.subscriptionId() + ":" + p.symbol() + ":"
                    + p.side(), p.symbol(), p.side(), true, p.qty(), mark, p.leverage(), p.marginMode(), FillStatus.FILLED,
                    time, expert.equity(), p.qty(), null);
            try {
                made.addAll(executor.opens(expert, order, ledger.instrument(p.symbol()), List.of(s), mark, rules.get()));
            } catch (RuleFailure e) {
                // the subscription already exists; this position is simply not copied, visibly
                made.add(executor.undecided(order, s.subscriptionId(), mark, rules.get(), e));
            }
        }
        return made;
    }

    /** Refuses settings whose pairs name a symbol outside the instrument catalog (400 UNKNOWN_INSTRUMENT). */
    private SubscriptionSettings knownPairs(SubscriptionSettings settings) {
        if (settings.getPairs() != null) {
            for (String symbol : settings.getPairs()) {
                if (ledger.instrument(symbol) == null) {
                    throw new InputRefused(RefusalCode.UNKNOWN_INSTRUMENT, "pairs: symbol '"
                            + (symbol.length() > 32 ? symbol.substring(0, 32) + "..." : symbol) + "' is not a known instrument");
                }
            }
        }
        return settings;
    }

    Result patchSettings(PatchSettings c) {
        Subscription s = Lookup.subscription(ledger, c.subscriptionId());
        ledger.changeSettings(s, knownPairs(c.patch().applyTo(s.settings())));
        lossLimits.bringUpToDate(s, ledger.clock());
        return SubscriptionResult.of(views.subscription(s));
    }
}
