package com.copyguard.durability.snapshot;

import com.copyguard.core.engine.EngineState;
import com.copyguard.core.engine.RulesProcessor;
import java.io.IOException;

/**
 * The whole engine state: the format version, then each aggregate's mapping in a fixed order.
 * A new state field is a new component in its aggregate's mapping and a new {@link SnapshotFormat#VERSION}.
 */
final class EngineStateMapping {
    private EngineStateMapping() {
    }

    static void write(StateOutput out, EngineState s) throws IOException {
        out.start();
        out.number(SnapshotFormat.VERSION);
        LedgerMapping.write(out, s.ledger());
        LogMapping.writeDecisions(out, s.decisions());
        LogMapping.writeRisks(out, s.risks());
        IdempotencyMapping.write(out, s.idempotency());
        ScreeningMapping.write(out, s.screening());
        activation(out, s.lastActivation());
        out.end();
    }

    static EngineState read(StateInput in) throws IOException {
        in.start();
        long version = in.number();
        if (version != SnapshotFormat.VERSION) {
            throw new StateMappingException("the state is in snapshot format " + version + "; this build reads format "
                    + SnapshotFormat.VERSION);
        }
        EngineState s = new EngineState(LedgerMapping.read(in), LogMapping.readDecisions(in), LogMapping.readRisks(in),
                IdempotencyMapping.read(in), ScreeningMapping.read(in), activation(in));
        in.end();
        return s;
    }

    private static void activation(StateOutput out, RulesProcessor.Activation a) throws IOException {
        if (a == null) {
            out.string(null);
            return;
        }
        out.start();
        out.string(a.version());
        out.string(a.proposalId());
        SenderMapping.write(out, a.proposedBy());
        SenderMapping.write(out, a.approvedBy());
        out.end();
    }

    private static RulesProcessor.Activation activation(StateInput in) throws IOException {
        if (in.nullNext()) {
            return null;
        }
        RulesProcessor.Activation a = new RulesProcessor.Activation(in.string(), in.string(), SenderMapping.read(in),
                SenderMapping.read(in));
        in.end();
        return a;
    }
}
