package com.copyguard.engine;

import com.copyguard.command.PutExpert;
import com.copyguard.command.PutInstrument;
import com.copyguard.ledger.Expert;
import com.copyguard.ledger.Ledger;

/** Instruments and experts: the reference data fills are copied against. */
final class ReferenceDataProcessor {
    private final Ledger ledger;
    private final LedgerViews views;

    ReferenceDataProcessor(Ledger ledger, LedgerViews views) {
        this.ledger = ledger;
        this.views = views;
    }

    Reply putInstrument(PutInstrument c) {
        ledger.putInstrument(c.toInstrument());
        return Reply.changed(200, views.instrument(ledger.instrument(c.symbol())));
    }

    Reply putExpert(PutExpert c) {
        boolean created = ledger.expert(c.expertId()) == null;
        Expert e = ledger.upsertExpert(c.expertId(), c.profitShareRate(), c.minFollowAmount(), c.equity());
        if (c.maxFollowers() != null || c.clearMaxFollowers()) {
            // lowering it below the current followers stops nobody: it only refuses new follows
            ledger.setMaxFollowers(e, c.maxFollowers());
        }
        return Reply.changed(created ? 201 : 200, views.expert(e));
    }
}
