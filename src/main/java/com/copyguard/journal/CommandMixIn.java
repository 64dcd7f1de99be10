package com.copyguard.journal;

import com.copyguard.command.ActivateRules;
import com.copyguard.command.AdvanceClock;
import com.copyguard.command.ChangePositionMargin;
import com.copyguard.command.ClosePosition;
import com.copyguard.command.Deposit;
import com.copyguard.command.ExpertEquityReport;
import com.copyguard.command.ExpertFill;
import com.copyguard.command.ExpertMarginChange;
import com.copyguard.command.Follow;
import com.copyguard.command.PatchSettings;
import com.copyguard.command.PauseSubscription;
import com.copyguard.command.PriceTick;
import com.copyguard.command.PutExpert;
import com.copyguard.command.PutInstrument;
import com.copyguard.command.ResumeSubscription;
import com.copyguard.command.StopFollowing;
import com.copyguard.command.Withdraw;
import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;

/**
 * The journal's name for each command kind, in its {@code "type"} field. These names are the journal
 * format: renaming one breaks the replay of every journal written before.
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
interface CommandMixIn {
}
