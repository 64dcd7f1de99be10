package com.copyguard.engine;

import com.copyguard.durability.SnapshotUnusableException;
import com.copyguard.durability.StateCodec;
import com.copyguard.ledger.Ledger;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;

/**
 * The whole ledger, encoded in memory before an input whose effects could not otherwise be taken
 * back (the daily checks it triggers), so that a refusal leaves the state exactly as it was. The
 * daily checks hold nothing but the ledger (and rules and events, which are not state), so the
 * ledger is all they can change; the snapshot encoding covers every field of it by construction.
 * Restored in place: everything that refers to the ledger keeps seeing the live one.
 */
final class Checkpoint {
    private final byte[] body;
    private final StateCodec.Encoded encoded;

    private Checkpoint(byte[] body, StateCodec.Encoded encoded) {
        this.body = body;
        this.encoded = encoded;
    }

    static Checkpoint of(Ledger ledger) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        StateCodec.Encoded encoded = StateCodec.write(ledger, out);
        return new Checkpoint(out.toByteArray(), encoded);
    }

    /** Puts {@code ledger} back into the checkpointed state, in place. */
    void restore(Ledger ledger) {
        try {
            StateCodec.readInto(ledger, new ByteArrayInputStream(body), encoded.descriptors(), encoded.hash());
        } catch (SnapshotUnusableException | IOException e) {
            // the encoding was made a moment ago by this process: failing to read it is a defect
            throw new IllegalStateException("could not restore the state before a refused input", e);
        }
    }
}
