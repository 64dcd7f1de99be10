package com.copyguard.engine;

import com.copyguard.refusal.RefusalCode;
import com.copyguard.command.AdvanceClock;
import com.copyguard.refusal.InputRefused;
import com.copyguard.command.PriceTick;
import com.copyguard.ledger.Ledger;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/** Price inputs, which mark positions to market and run the risk rules, and the event clock. */
final class MarketProcessor {
    private final Ledger ledger;
    private final RiskProcessor risk;

    MarketProcessor(Ledger ledger, RiskProcessor risk) {
        this.ledger = ledger;
        this.risk = risk;
    }

    Reply prices(PriceTick c) {
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
        List<RiskActionRecord> actions = risk.evaluate(risk.accountsToCheck(symbols, true), c.time(), "prices@" + c.time());
        ObjectNode body = Json.object();
        body.set("riskActions", LedgerViews.riskActions(actions));
        return Reply.changed(200, body);
    }

    Reply clock(AdvanceClock c) {
        ObjectNode body = Json.object();
        body.put("time", Math.max(ledger.clock(), c.time()));
        return Reply.changed(200, body);
    }
}
