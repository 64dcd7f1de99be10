package com.copyguard.engine;

import static com.copyguard.engine.Json.dec;

import com.copyguard.input.Fields;
import com.copyguard.decimal.Decimals;
import com.copyguard.ledger.Account;
import com.copyguard.ledger.Valuation;
import com.copyguard.rules.RuleEvaluator;
import com.copyguard.rules.RuleSet;
import com.copyguard.rules.facts.WithdrawalCheck;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.math.BigDecimal;
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

    /** Parses the body before the query runs, so a malformed amount is refused off the writer. */
    public static BigDecimal amount(JsonNode body) {
        return Fields.of(body, "WithdrawalPreviewInput").positive("amount");
    }

    public static Reply preview(Engine e, String accountId, BigDecimal amount) {
        Account a = Lookup.account(e.ledger(), accountId);
        Valuation v = e.ledger().valuation();
        RuleSet rules = e.rules().get();
        WithdrawalCheck check = new WithdrawalCheck(a.accountId(), amount, e.profitShare().pending(a), a.frozen(),
                v.equity(a));
        RuleEvaluator.evaluate(rules, List.of(check));
        BigDecimal freeze = check.getFreezeAdded() == null ? BigDecimal.ZERO : Decimals.nonNegative(check.getFreezeAdded());
        BigDecimal availableAfterFreeze = Decimals.nonNegative(v.available(a).subtract(freeze));
        ObjectNode n = Json.object();
        n.put("accountId", a.accountId());
        dec(n, "requested", amount);
        dec(n, "pendingProfitShare", check.getPending());
        dec(n, "frozen", a.frozen());
        dec(n, "freezeAdded", freeze);
        n.put("freezes", freeze.signum() > 0);
        dec(n, "paid", Decimals.min(amount, availableAfterFreeze));
        n.put("ruleSet", rules.version());
        ArrayNode fired = n.putArray("rulesFired");
        check.getFiredRules().forEach(fired::add);
        ObjectNode explanation = n.putObject("explanation");
        check.getExplanation().forEach(explanation::put);
        return Reply.unchanged(n);
    }
}
