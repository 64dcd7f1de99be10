package com.copyguard.engine;

import com.copyguard.command.ActivateRules;
import com.copyguard.command.AdvanceClock;
import com.copyguard.command.Command;
import com.copyguard.command.Deposit;
import com.copyguard.command.ExpertFill;
import com.copyguard.command.Follow;
import com.copyguard.command.PatchSettings;
import com.copyguard.command.PriceTick;
import com.copyguard.command.PutExpert;
import com.copyguard.command.PutInstrument;
import com.copyguard.ledger.Ledger;
import com.copyguard.rules.ActiveRules;

/**
 * The deterministic state machine: applies one command at a time to the ledger. Not thread-safe;
 * only the single writer calls it. Same commands in the same order give the same state.
 */
public final class Engine {
    private final Ledger ledger = new Ledger();
    private final DecisionLog decisions = new DecisionLog();
    private final Idempotency idempotency = new Idempotency();
    private final LedgerViews views = new LedgerViews(ledger);
    private final ActiveRules rules;
    private final ReferenceDataProcessor referenceData = new ReferenceDataProcessor(ledger, views);
    private final FollowProcessor follows = new FollowProcessor(ledger, views);
    private final AccountProcessor accounts = new AccountProcessor(ledger, views, idempotency);
    private final MarketProcessor market = new MarketProcessor(ledger);
    private final FillProcessor fills;
    private final RulesProcessor ruleActivation;
    private final EngineEvents events;

    public Engine(ActiveRules rules) {
        this(rules, EngineEvents.NONE);
    }

    public Engine(ActiveRules rules, EngineEvents events) {
        this.rules = rules;
        this.events = events;
        this.fills = new FillProcessor(ledger, rules, decisions, idempotency, events);
        this.ruleActivation = new RulesProcessor(rules, events);
    }

    /** Applies {@code c}; throws {@link com.copyguard.command.ApiException} (state unchanged) when refused. */
    public Reply apply(Command c) {
        Reply reply = dispatch(c);
        if (reply.changed() && c.eventTime() != null) {
            ledger.advanceClock(c.eventTime());
        }
        return reply;
    }

    private Reply dispatch(Command c) {
        if (c instanceof ExpertFill f) {
            return fills.apply(f);
        } else if (c instanceof PriceTick p) {
            return market.prices(p);
        } else if (c instanceof Deposit d) {
            return accounts.deposit(d);
        } else if (c instanceof Follow f) {
            return follows.follow(f);
        } else if (c instanceof PatchSettings p) {
            return follows.patchSettings(p);
        } else if (c instanceof AdvanceClock a) {
            return market.clock(a);
        } else if (c instanceof PutInstrument i) {
            return referenceData.putInstrument(i);
        } else if (c instanceof PutExpert e) {
            return referenceData.putExpert(e);
        } else if (c instanceof ActivateRules a) {
            return ruleActivation.activate(a);
        }
        throw new IllegalArgumentException("unhandled command " + c.getClass().getSimpleName());
    }

    public Ledger ledger() {
        return ledger;
    }

    public DecisionLog decisions() {
        return decisions;
    }

    public LedgerViews views() {
        return views;
    }

    public EngineEvents events() {
        return events;
    }

    public ActiveRules rules() {
        return rules;
    }
}
