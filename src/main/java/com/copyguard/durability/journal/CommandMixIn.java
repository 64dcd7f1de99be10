package com.copyguard.durability.journal;

import com.copyguard.core.command.ActivateRules;
import com.copyguard.core.command.AdvanceClock;
import com.copyguard.core.command.ChangePositionMargin;
import com.copyguard.core.command.ClosePosition;
import com.copyguard.core.command.Deposit;
import com.copyguard.core.command.ExpertEquityReport;
import com.copyguard.core.command.ExpertFill;
import com.copyguard.core.command.ExpertMarginChange;
import com.copyguard.core.command.Follow;
import com.copyguard.core.command.PatchSettings;
import com.copyguard.core.command.PauseSubscription;
import com.copyguard.core.command.PriceTick;
import com.copyguard.core.command.PutExpert;
import com.copyguard.core.command.PutInstrument;
import com.copyguard.core.command.ResumeSubscription;
import com.copyguard.core.command.StopFollowing;
import com.copyguard.core.command.Withdraw;
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
