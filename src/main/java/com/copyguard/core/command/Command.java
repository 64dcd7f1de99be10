package com.copyguard.core.command;

/**
 * A validated, immutable state-changing input. Commands are what the journal stores and what
 * replay re-applies, so they carry everything the engine needs and nothing it must look up
 * outside the ledger state. They are read from JSON at the edge ({@code com.copyguard.json.input}) and
 * written to the journal by {@code journal.CommandCodec}; neither form is known here.
 */
public sealed interface Command permits PutInstrument, PutExpert, ExpertFill, PriceTick, AdvanceClock, Follow,
        PatchSettings, Deposit, Withdraw, StopFollowing, ClosePosition, ExpertEquityReport, ActivateRules,
        PauseSubscription, ResumeSubscription, ChangePositionMargin, ExpertMarginChange {

    /** Event time carried by the input; null for inputs that take the engine's current time. */
    Long eventTime();
}
