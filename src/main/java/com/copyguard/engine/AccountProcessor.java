package com.copyguard.engine;

import com.copyguard.command.ApiException;
import com.copyguard.command.Deposit;
import com.copyguard.ledger.Account;
import com.copyguard.ledger.Ledger;

/** Deposits into following accounts. */
final class AccountProcessor {
    private final Ledger ledger;
    private final LedgerViews views;
    private final Idempotency idempotency;

    AccountProcessor(Ledger ledger, LedgerViews views, Idempotency idempotency) {
        this.ledger = ledger;
        this.views = views;
        this.idempotency = idempotency;
    }

    Reply deposit(Deposit c) {
        String key = "deposit:" + c.accountId() + "/" + c.requestId();
        Reply seen = idempotency.seen(key);
        if (seen != null) {
            return seen;
        }
        Account a = ledger.account(c.accountId());
        if (a == null) {
            throw ApiException.notFound("account", c.accountId());
        }
        ledger.deposit(a, c.amount(), c.time(), null, "deposit:" + c.requestId(), false);
        Reply reply = Reply.changed(200, views.account(a));
        idempotency.remember(key, reply);
        return reply;
    }
}
