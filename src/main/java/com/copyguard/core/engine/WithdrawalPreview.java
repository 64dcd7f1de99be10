package com.copyguard.core.engine;

import com.copyguard.core.model.Decimals;
import com.copyguard.core.ledger.Account;
import com.copyguard.core.ledger.Valuation;
import com.copyguard.core.rules.RuleEvaluator;
import com.copyguard.core.rules.RuleSet;
import com.copyguard.core.rules.facts.WithdrawalCheck;
import java.math.BigDecimal;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;

/**
 * POST /accounts/{id}/withdrawals/preview: what a withdrawal of {@code amount} would freeze and pay
 * now, asked of the active rule set's money rules with the same fact a withdrawal builds, so a
 * console can warn and ask for a second confirmation before profit share is frozen. Runs as a query:
 * it changes nothing and is not journaled.
 */
public final class WithdrawalPreview {
    private WithdrawalPreview() {
    }

    public static WithdrawalPreviewView preview(Engine e, String accountId, BigDecimal amount) {
        Account a = Lookup.account(e.ledger(), accountId);
        Valuation v = e.ledger().valuation();
        RuleSet rules = e.rules().get();
        WithdrawalCheck check = new WithdrawalCheck(a.accountId(), amount, e.profitShare().pending(a), a.frozen(),
                v.equity(a));
        RuleEvaluator.evaluate(rules, List.of(check));
        BigDecimal freeze = check.getFreezeAdded() == null ? BigDecimal.ZERO : Decimals.nonNegative(check.getFreezeAdded());
        BigDecimal availableAfterFreeze = Decimals.nonNegative(v.available(a).subtract(freeze));
        return new WithdrawalPreviewView(a.accountId(), amount, check.getPending(), a.frozen(), freeze,
                freeze.signum() > 0, Decimals.min(amount, availableAfterFreeze), rules.version(),
                List.copyOf(check.getFiredRules()), Collections.unmodifiableMap(new LinkedHashMap<>(check.getExplanation())));
    }
}
