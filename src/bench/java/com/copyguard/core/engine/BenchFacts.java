package com.copyguard.core.engine;

import com.copyguard.core.model.Instrument;
import com.copyguard.core.ledger.Expert;
import com.copyguard.core.ledger.Ledger;
import com.copyguard.core.ledger.Subscription;
import com.copyguard.core.rules.facts.ExpertOrder;
import com.copyguard.core.rules.facts.OpenCopy;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

/** Benchmark access to the engine's own fact builder, so rules and baseline see identical inputs. */
public final class BenchFacts {
    private BenchFacts() {
    }

    public static List<OpenCopy> openCopies(Ledger ledger, Expert expert, ExpertOrder order, Instrument instrument,
                                            BigDecimal price) {
        CopyFacts facts = new CopyFacts(ledger);
        List<OpenCopy> out = new ArrayList<>(expert.subscriptionIds().size());
        for (String id : expert.subscriptionIds()) {
            Subscription s = ledger.subscription(id);
            out.add(facts.openCopy(order, instrument, s, expert, price));
        }
        return out;
    }
}
