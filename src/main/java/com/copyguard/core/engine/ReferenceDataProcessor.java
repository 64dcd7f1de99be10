package com.copyguard.core.engine;

import com.copyguard.core.command.PutExpert;
import com.copyguard.core.command.PutInstrument;
import com.copyguard.core.ledger.Expert;
import com.copyguard.core.ledger.Ledger;

/** Instruments and experts: the reference data fills are copied against. */
final class ReferenceDataProcessor {
    private final Ledger ledger;
    private final LedgerViews views;

    ReferenceDataProcessor(Ledger ledger, LedgerViews views) {
        this.ledger = ledger;
        this.views = views;
    }

    Result putInstrument(PutInstrument c) {
        ledger.putInstrument(c.toInstrument());
        return new InstrumentResult(views.instrument(ledger.instrument(c.symbol())));
    }

    Result putExpert(PutExpert c) {
        boolean created = ledger.expert(c.expertId()) == null;
        Expert e = ledger.upsertExpert(c.expertId(), c.profitShareRate(), c.minFollowAmount(), c.equity());
        if (c.maxFollowers() != null || c.clearMaxFollowers()) {
            // lowering it below the current followers stops nobody: it only refuses new follows
            ledger.setMaxFollowers(e, c.maxFollowers());
        }
        return new ExpertResult(views.expert(e), created);
    }
}
