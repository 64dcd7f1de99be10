package com.copyguard.engine;

import com.copyguard.durability.SnapshotUnusableException;
import com.copyguard.durability.StateCodec;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;

/**
 * The whole engine state, encoded in memory before an input whose effects could not otherwise be
 * taken back (the daily checks it triggers), so that a refusal leaves the state exactly as it was.
 * Uses the snapshot encoding, which covers every state field by construction.
 */
final class Checkpoint {
    private final byte[] body;
    private final StateCodec.Encoded encoded;

    private Checkpoint(byte[] body, StateCodec.Encoded encoded) {
        this.body = body;
        this.encoded = encoded;
    }

    static Checkpoint of(Engine engine) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        StateCodec.Encoded encoded = StateCodec.write(engine, out);
        return new Checkpoint(out.toByteArray(), encoded);
    }

    /** Puts {@code engine} back into the checkpointed state, in place. */
    void restore(Engine engine) {
        try {
            StateCodec.readInto(engine, new ByteArrayInputStream(body), encoded.descriptors(), encoded.hash());
        } catch (SnapshotUnusableException | IOException e) {
            // the encoding was made a moment ago by this process: failing to read it is a defect
            throw new IllegalStateException("could not restore the state before a refused input", e);
        }
    }
}
