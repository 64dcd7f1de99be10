package com.copyguard.core.engine;

import com.copyguard.core.command.Command;
import com.copyguard.core.ledger.MarketPrices;

/** An input the engine applied, as its listeners see it: the command, the event clock after it and the marks (read only). */
public record AppliedCommand(Command command, long clock, MarketPrices prices) {
}
