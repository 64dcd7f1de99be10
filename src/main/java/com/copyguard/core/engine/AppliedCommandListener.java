package com.copyguard.core.engine;

/**
 * Hears every input the engine applied that changed state, in order, on the writer thread, after
 * the ledger holds its effect (and so also on replay). Registered when the engine is built. The
 * input is applied by then: a listener that throws is logged and does not undo or fail it.
 */
public interface AppliedCommandListener {
    void applied(AppliedCommand applied);
}
