package com.copyguard.engine;

import com.copyguard.command.AdvanceClock;
import com.copyguard.command.ApiException;
import com.copyguard.command.PriceTick;
import com.copyguard.ledger.Ledger;
import com.fasterxml.jackson.databind.node.ObjectNode;

/** Price inputs and the event clock. */
final class MarketProcessor {
    private final Ledger ledger;

    MarketProcessor(Ledger ledger) {
        this.ledger = ledger;
    }

    Reply prices(PriceTick c) {
        for (PriceTick.SymbolPrice p : c.prices()) {
            if (ledger.instrument(p.symbol()) == null) {
                throw new ApiException(400, "UNKNOWN_INSTRUMENT", "symbol " + p.symbol() + " is not a known instrument");
            }
        }
        for (PriceTick.SymbolPrice p : c.prices()) {
            ledger.observePrice(p.symbol(), p.price(), c.time());
        }
        ObjectNode body = Json.object();
        body.putArray("riskActions");
        return Reply.changed(200, body);
    }

    Reply clock(AdvanceClock c) {
        ObjectNode body = Json.object();
        body.put("time", Math.max(ledger.clock(), c.time()));
        return Reply.changed(200, body);
    }
}
