package com.copyguard.core.engine;

import com.copyguard.core.refusal.RefusalCode;
import com.copyguard.core.command.AdvanceClock;
import com.copyguard.core.refusal.InputRefused;
import com.copyguard.core.command.PriceTick;
import com.copyguard.core.ledger.Ledger;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/** Price inputs, which mark positions to market and run the risk rules, and the event clock. */
final class MarketProcessor {
    private final Ledger ledger;
    private final RiskProcessor risk;
    private final RiskLog riskLog;

    MarketProcessor(Ledger ledger, RiskProcessor risk, RiskLog riskLog) {
        this.ledger = ledger;
        this.risk = risk;
        this.riskLog = riskLog;
    }

    Result prices(PriceTick c) {
        Set<String> symbols = new LinkedHashSet<>();
        for (PriceTick.SymbolPrice p : c.prices()) {
            if (ledger.instrument(p.symbol()) == null) {
                throw new InputRefused(RefusalCode.UNKNOWN_INSTRUMENT, "symbol " + p.symbol() + " is not a known instrument");
            }
            symbols.add(p.symbol());
        }
        for (PriceTick.SymbolPrice p : c.prices()) {
            ledger.observePrice(p.symbol(), p.price(), c.time());
        }
        long firstLogged = riskLog.size();
        String ref = "prices@" + c.time();
        List<RiskActionRecord> actions = risk.evaluate(risk.accountsToCheck(symbols, true), c.time(), ref);
        FanOutSummary.requireLoggedTogether("risk actions", actions.size(), firstLogged, riskLog.size());
        return new PricesResult(RiskActionSummary.of(FanOutSummary.firstPage(actions)), ref,
                FanOutSummary.of(actions, RiskActionRecord::action, RiskActionRecord::reason, firstLogged));
    }

    Result clock(AdvanceClock c) {
        return new ClockResult(Math.max(ledger.clock(), c.time()));
    }
}
