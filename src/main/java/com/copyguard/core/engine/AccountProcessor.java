package com.copyguard.core.engine;

import com.copyguard.core.refusal.RefusalCode;
import com.copyguard.core.refusal.InputRefused;

import com.copyguard.core.command.Deposit;
import com.copyguard.core.command.Withdraw;
import com.copyguard.core.model.Decimals;
import com.copyguard.core.model.SubscriptionStatus;
import com.copyguard.core.ledger.Account;
import com.copyguard.core.ledger.Ledger;
import com.copyguard.core.ledger.Subscription;
import com.copyguard.core.ledger.Valuation;
import com.copyguard.core.rules.ActiveRules;
import com.copyguard.core.rules.RuleEvaluator;
import com.copyguard.core.rules.RuleSet;
import com.copyguard.core.rules.facts.WithdrawalCheck;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;

/**
 * Deposits and withdrawals. A withdrawal may include unrealized profit; the freeze rule decides how
 * much pending profit share to freeze first, and frozen money is never paid out. Falling below the
 * initial investment after a withdrawal interrupts the account's subscriptions until deposits
 * restore it.
 */
final class AccountProcessor {
    private final Ledger ledger;
    private final LedgerViews views;
    private final Idempotency idempotency;
    private final ActiveRules rules;
    private final ProfitShare profitShare;
    private final RiskProcessor risk;
    private final EngineEvents events;

    AccountProcessor(Ledger ledger, LedgerViews views, Idempotency idempotency, ActiveRules rules,
                     ProfitShare profitShare, RiskProcessor risk, EngineEvents events) {
        this.ledger = ledger;
        this.views = views;
        this.idempotency = idempotency;
        this.rules = rules;
        this.profitShare = profitShare;
        this.risk = risk;
        this.events = events;
    }

    Result deposit(Deposit c) {
        return idempotency.once("deposit:" + c.accountId() + "/" + c.requestId(), c, () -> depositNow(c));
    }

    private AccountResult depositNow(Deposit c) {
        Account a = Lookup.account(ledger, c.accountId());
        if (!a.isPool() && allStopped(a)) {
            throw new InputRefused(RefusalCode.ACCOUNT_CLOSED, "account " + a.accountId()
                    + " belongs to a stopped subscription; money deposited there would be stranded");
        }
        ledger.deposit(a, c.amount(), c.time(), null, "deposit:" + c.requestId(), false);
        if (ledger.valuation().equity(a).compareTo(a.initialInvestment()) >= 0) {
            for (String id : a.subscriptionIds()) {
                Subscription s = ledger.subscription(id);
                if (s.status() == SubscriptionStatus.INTERRUPTED) {
                    ledger.setStatus(s, SubscriptionStatus.ACTIVE);
                }
            }
        }
        return new AccountResult(views.account(a));
    }

    private boolean allStopped(Account a) {
        for (String id : a.subscriptionIds()) {
            if (ledger.subscription(id).status() != SubscriptionStatus.STOPPED) {
                return false;
            }
        }
        return !a.subscriptionIds().isEmpty();
    }

    Result withdraw(Withdraw c) {
        return idempotency.once("withdrawal:" + c.accountId() + "/" + c.requestId(), c, () -> withdrawNow(c));
    }

    private WithdrawalResult withdrawNow(Withdraw c) {
        Account a = Lookup.account(ledger, c.accountId());
        Valuation v = ledger.valuation();
        RuleSet ruleSet = rules.get();
        WithdrawalCheck check = new WithdrawalCheck(a.accountId(), c.amount(), profitShare.pending(a), a.frozen(),
                v.equity(a));
        RuleEvaluator.evaluate(ruleSet, List.of(check));

        String ref = "withdrawal:" + c.requestId();
        BigDecimal frozenAdded = check.getFreezeAdded() == null ? BigDecimal.ZERO : Decimals.nonNegative(check.getFreezeAdded());
        if (frozenAdded.signum() > 0) {
            ledger.freeze(a, frozenAdded, c.time(), ref);
            events.profitShareFrozen(frozenAdded);
        }
        BigDecimal paid = Decimals.moneyDown(Decimals.min(c.amount(), v.available(a)));
        if (paid.signum() > 0) {
            ledger.withdraw(a, paid, c.time(), ref);
        }
        List<String> interrupted = new ArrayList<>();
        if (v.equity(a).compareTo(a.initialInvestment()) < 0) {
            for (String id : a.subscriptionIds()) {
                Subscription s = ledger.subscription(id);
                if (s.status() == SubscriptionStatus.ACTIVE) {
                    ledger.setStatus(s, SubscriptionStatus.INTERRUPTED);
                    interrupted.add(id);
                }
            }
        }
        List<RiskActionRecord> actions = risk.evaluate(List.of(a), c.time(), ref);

        return new WithdrawalResult(a.accountId(), c.requestId(), c.amount(), paid, frozenAdded,
                a.frozen(), a.balance(), v.available(a), List.copyOf(interrupted), ruleSet.version(),
                List.copyOf(check.getFiredRules()), Collections.unmodifiableMap(new LinkedHashMap<>(check.getExplanation())),
                RiskActionSummary.of(actions));
    }
}
