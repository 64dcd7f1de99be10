package com.copyguard.engine;

import com.copyguard.command.Command;
import com.copyguard.ledger.MarketPrices;

/** An input the engine applied, as its listeners see it: the command, the event clock after it and the marks (read only). */
public record AppliedCommand(Command command, long clock, MarketPrices prices) {
}
