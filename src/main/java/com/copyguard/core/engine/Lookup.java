package com.copyguard.core.engine;

import com.copyguard.core.refusal.InputRefused;
import com.copyguard.core.ledger.Account;
import com.copyguard.core.ledger.Expert;
import com.copyguard.core.ledger.Ledger;
import com.copyguard.core.ledger.Subscription;

/** Finds an entity an input names, or refuses the input with 404 NOT_FOUND. */
final class Lookup {
    private Lookup() {
    }

    static Expert expert(Ledger ledger, String expertId) {
        Expert e = ledger.expert(expertId);
        if (e == null) {
            throw InputRefused.notFound("expert", expertId);
        }
        return e;
    }

    static Subscription subscription(Ledger ledger, String subscriptionId) {
        Subscription s = ledger.subscription(subscriptionId);
        if (s == null) {
            throw InputRefused.notFound("subscription", subscriptionId);
        }
        return s;
    }

    static Account account(Ledger ledger, String accountId) {
        Account a = ledger.account(accountId);
        if (a == null) {
            throw InputRefused.notFound("account", accountId);
        }
        return a;
    }
}
