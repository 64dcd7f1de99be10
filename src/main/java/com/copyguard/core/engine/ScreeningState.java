package com.copyguard.core.engine;

/**
 * The state of the engine's screening, opaque to the engine: the screening implementation defines it
 * (and the snapshot mapping knows that type), so the engine carries it without depending on screening.
 */
public interface ScreeningState {
}
