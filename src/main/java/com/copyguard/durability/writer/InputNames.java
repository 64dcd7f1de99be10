package com.copyguard.durability.writer;

import com.copyguard.core.command.ClosePosition;
import com.copyguard.core.command.Command;
import com.copyguard.core.command.Deposit;
import com.copyguard.core.command.ExpertEquityReport;
import com.copyguard.core.command.ExpertFill;
import com.copyguard.core.command.Follow;
import com.copyguard.core.command.PatchSettings;
import com.copyguard.core.command.PutExpert;
import com.copyguard.core.command.PutInstrument;
import com.copyguard.core.command.StopFollowing;
import com.copyguard.core.command.Withdraw;

/** Names an input by its type and the id a person would look it up by, e.g. {@code ExpertFill alice/f1}. */
final class InputNames {
    private InputNames() {
    }

    static String of(Command command) {
        String type = command.getClass().getSimpleName();
        String id;
        if (command instanceof ExpertFill f) {
            id = f.expertId() + "/" + f.fillId();
        } else if (command instanceof Deposit d) {
            id = d.accountId() + "/" + d.requestId();
        } else if (command instanceof Withdraw w) {
            id = w.accountId() + "/" + w.requestId();
        } else if (command instanceof Follow f) {
            id = f.followerId() + "->" + f.expertId();
        } else if (command instanceof PatchSettings p) {
            id = p.subscriptionId();
        } else if (command instanceof StopFollowing s) {
            id = s.subscriptionId();
        } else if (command instanceof ClosePosition c) {
            id = c.subscriptionId() + "/" + c.symbol();
        } else if (command instanceof PutExpert e) {
            id = e.expertId();
        } else if (command instanceof PutInstrument i) {
            id = i.symbol();
        } else if (command instanceof ExpertEquityReport r) {
            id = r.expertId();
        } else {
            id = command.eventTime() == null ? null : "time " + command.eventTime();
        }
        return id == null ? type : type + " " + id;
    }
}
