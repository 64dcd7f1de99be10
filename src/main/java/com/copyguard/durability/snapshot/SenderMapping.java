package com.copyguard.durability.snapshot;

import com.copyguard.core.command.Sender;
import java.io.IOException;

/** Who sent an input (on transactions, decisions, risk actions and activations): [subject, role] or null. */
final class SenderMapping {
    private SenderMapping() {
    }

    static void write(StateOutput out, Sender s) throws IOException {
        if (s == null) {
            out.string(null);
            return;
        }
        out.start();
        out.string(s.subject());
        out.string(s.role());
        out.end();
    }

    static Sender read(StateInput in) throws IOException {
        if (in.nullNext()) {
            return null;
        }
        Sender s = new Sender(in.string(), in.string());
        in.end();
        return s;
    }
}
