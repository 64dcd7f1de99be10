package com.copyguard.command;

import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;

/**
 * A validated, immutable state-changing input. Commands are what the journal stores and what
 * replay re-applies, so they carry everything the engine needs and nothing it must look up
 * outside the ledger state.
 */
@JsonTypeInfo(use = JsonTypeInfo.Id.NAME, property = "type")
@JsonSubTypes({
        @JsonSubTypes.Type(value = PutInstrument.class, name = "PutInstrument"),
        @JsonSubTypes.Type(value = PutExpert.class, name = "PutExpert"),
        @JsonSubTypes.Type(value = ExpertFill.class, name = "ExpertFill"),
        @JsonSubTypes.Type(value = PriceTick.class, name = "PriceTick"),
        @JsonSubTypes.Type(value = AdvanceClock.class, name = "AdvanceClock"),
        @JsonSubTypes.Type(value = Follow.class, name = "Follow"),
        @JsonSubTypes.Type(value = PatchSettings.class, name = "PatchSettings"),
        @JsonSubTypes.Type(value = Deposit.class, name = "Deposit"),
        @JsonSubTypes.Type(value = Withdraw.class, name = "Withdraw"),
        @JsonSubTypes.Type(value = StopFollowing.class, name = "StopFollowing"),
        @JsonSubTypes.Type(value = ClosePosition.class, name = "ClosePosition"),
        @JsonSubTypes.Type(value = ExpertEquityReport.class, name = "ExpertEquityReport"),
        @JsonSubTypes.Type(value = ActivateRules.class, name = "ActivateRules"),
        @JsonSubTypes.Type(value = PauseSubscription.class, name = "PauseSubscription"),
        @JsonSubTypes.Type(value = ResumeSubscription.class, name = "ResumeSubscription"),
        @JsonSubTypes.Type(value = ChangePositionMargin.class, name = "ChangePositionMargin"),
        @JsonSubTypes.Type(value = ExpertMarginChange.class, name = "ExpertMarginChange"),
})
public sealed interface Command permits PutInstrument, PutExpert, ExpertFill, PriceTick, AdvanceClock, Follow,
        PatchSettings, Deposit, Withdraw, StopFollowing, ClosePosition, ExpertEquityReport, ActivateRules,
        PauseSubscription, ResumeSubscription, ChangePositionMargin, ExpertMarginChange {

    /** Event time carried by the input; null for inputs that take the engine's current time. */
    Long eventTime();
}
