package com.copyguard.core.engine;

import com.copyguard.core.ledger.Ledger;
import com.copyguard.core.ledger.LedgerState;

/**
 * The whole ledger's state, taken in memory before an input whose effects could not otherwise be
 * taken back (the daily checks it triggers), so that a refusal leaves the state exactly as it was.
 * The daily checks hold nothing but the ledger (and rules and events, which are not state), so the
 * ledger is all they can change; its state record is every field of it (the snapshot mapping
 * stores the same record). Restored in place: everything that refers to the ledger keeps seeing
 * the live one.
 */
final class Checkpoint {
    private final LedgerState state;

    private Checkpoint(LedgerState state) {
        this.state = state;
    }

    static Checkpoint of(Ledger ledger) {
        return new Checkpoint(ledger.state());
    }

    /** Puts {@code ledger} back into the checkpointed state, in place. */
    void restore(Ledger ledger) {
        ledger.restore(state);
    }
}
