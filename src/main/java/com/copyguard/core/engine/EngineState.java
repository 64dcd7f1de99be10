package com.copyguard.core.engine;

import com.copyguard.core.ledger.LedgerState;

/**
 * All the engine's state, aggregate by aggregate, as immutable values: what a snapshot stores and
 * the state hash covers. The rule set in force, listeners and processors are wiring, not state:
 * the latest activation is recorded here, the rules it installed are re-activated from the journal.
 */
public record EngineState(LedgerState ledger, DecisionLogState decisions, RiskLogState risks,
                          IdempotencyState idempotency, ScreeningState screening,
                          RulesProcessor.Activation lastActivation) {
}
