package com.copyguard.core.ledger;

import com.copyguard.core.model.Instrument;
import java.util.List;
import java.util.Map;

/**
 * Everything the ledger holds, as immutable values: what a snapshot stores and what a checkpoint
 * puts back. Lists keep the ledger's own order (instruments by symbol; experts, accounts and
 * subscriptions in creation order; marks in first-seen order), so equal ledgers give equal states.
 * The ledger's lookup indexes (pools by follower, subscriptions by follower and by account or
 * expert, holders by symbol) are not part of it: {@link Ledger#restore} rebuilds them from these.
 */
public record LedgerState(List<Instrument> instruments, List<ExpertState> experts, List<AccountState> accounts,
                          List<SubscriptionState> subscriptions, Map<String, MarketPrices.Mark> marks, long clock,
                          long transactionSeq, long subscriptionSeq, long accountSeq, Long lastDailyCheck) {
    public LedgerState {
        instruments = List.copyOf(instruments);
        experts = List.copyOf(experts);
        accounts = List.copyOf(accounts);
        subscriptions = List.copyOf(subscriptions);
        marks = OrderedMaps.copyOf(marks);
    }
}
