package com.copyguard.cluster;

import com.copyguard.core.engine.DecisionRecord;
import com.copyguard.core.engine.Engine;
import com.copyguard.core.ledger.Account;
import com.copyguard.core.ledger.Transaction;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/** Money invariants read from one engine: what the fault tests demand of every shard. */
final class LedgerChecks {
    private LedgerChecks() {
    }

    /**
     * Accounts whose balance is not the sum of the movements posted to them (margin changes and
     * profit-share freezes only ring-fence money inside the balance: notes, not movements): money
     * created or moved twice. Empty when every account adds up.
     */
    static List<String> unbalancedAccounts(Engine engine) {
        List<String> out = new ArrayList<>();
        for (Account a : engine.ledger().accounts()) {
            BigDecimal sum = BigDecimal.ZERO;
            for (Transaction t : a.transactions()) {
                if (t.type().movesBalance()) {
                    sum = sum.add(t.amount());
                }
            }
            if (sum.compareTo(a.balance()) != 0) {
                out.add(a.accountId() + ": balance " + a.balance() + ", movements " + sum);
            }
        }
        return out;
    }

    /** (fill, subscription) pairs decided more than once: a fill applied twice. */
    static List<String> decidedTwice(Engine engine, List<String> fills) {
        List<String> out = new ArrayList<>();
        for (String fill : fills) {
            Set<String> seen = new HashSet<>();
            for (DecisionRecord d : engine.decisions().query(fill, null, Integer.MAX_VALUE)) {
                if (!seen.add(d.subscriptionId())) {
                    out.add(fill + "/" + d.subscriptionId());
                }
            }
        }
        return out;
    }
}
