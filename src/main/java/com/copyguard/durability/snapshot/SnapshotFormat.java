package com.copyguard.durability.snapshot;

import com.fasterxml.jackson.dataformat.smile.SmileFactory;
import com.fasterxml.jackson.dataformat.smile.SmileGenerator;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;

/**
 * The snapshot body format: the engine's state records, written by the explicit mappings of this
 * package as Smile (Jackson's binary JSON) arrays, one per record, components in declaration order.
 * Any change to what a mapping writes or reads is a new {@link #VERSION}; a snapshot of another
 * version is refused (and the journal replayed) rather than guessed at.
 *
 * <p>Version 1 was the reflective object-graph codec of earlier builds; version 2 is the first of
 * these mappings.
 */
public final class SnapshotFormat {
    /** The version of the state mappings: written in the snapshot file's header and as the body's first value. */
    public static final int VERSION = 2;

    private static final SmileFactory SMILE = SmileFactory.builder()
            // answers are stored as bytes: raw, not 7-bit expanded (a snapshot is never read as text)
            .disable(SmileGenerator.Feature.ENCODE_BINARY_AS_7BIT)
            // enum names, symbols and rule names repeat in every record: written once, then referred back to
            .enable(SmileGenerator.Feature.CHECK_SHARED_STRING_VALUES)
            .build();

    private SnapshotFormat() {
    }

    static StateOutput output(OutputStream out) throws IOException {
        return new StateOutput(SMILE.createGenerator(out));
    }

    static StateInput input(InputStream in) throws IOException {
        return new StateInput(SMILE.createParser(in));
    }
}
