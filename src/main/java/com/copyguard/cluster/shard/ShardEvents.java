package com.copyguard.cluster.shard;

import com.copyguard.core.command.Command;
import com.copyguard.core.engine.Engine;
import com.copyguard.core.engine.EngineEvents;
import com.copyguard.core.engine.Result;
import com.copyguard.core.rules.ActiveRules;
import com.copyguard.core.rules.RuleSet;
import com.copyguard.core.screening.EngineAssembly;
import com.copyguard.events.EventFeed;
import com.copyguard.events.EventFilter;
import com.copyguard.events.EventRing;
import com.copyguard.events.LiveEvent;
import com.copyguard.observability.LiveEvents;
import java.util.ArrayList;
import java.util.List;

/**
 * The live events of one shard's inputs, made by the single node's own {@link EventFeed} (so a
 * shard publishes exactly what the single node streams) and handed on per input: the worker writes
 * them to {@code cg.events} in the transaction that holds the input's reply. Keeps nothing between
 * inputs. At most {@link #MAX_PER_INPUT} events of one input are kept (the newest), as the feed
 * bounds a batch.
 */
final class ShardEvents {
    static final int MAX_PER_INPUT = 200_000;
    private final EventRing ring = new EventRing(MAX_PER_INPUT, 1, 1);
    private final EventFeed feed = new EventFeed(ring, MAX_PER_INPUT);
    private final List<LiveEvent> captured = new ArrayList<>();

    ShardEvents() {
        ring.subscribe(null, new EventRing.Subscriber(new EventFilter(null, null, null, null), captured::addAll));
    }

    /**
     * A new engine on {@code rules} whose events this collects; {@code alongside} hears the engine's
     * events too (the shard's seat watch), after the feed, each shielded from the other's failures.
     */
    Engine engine(RuleSet rules, EngineEvents alongside) {
        LiveEvents listeners = new LiveEvents(List.of(feed, alongside));
        listeners.goLive();
        Engine engine = EngineAssembly.create(new ActiveRules(rules), listeners);
        feed.attach(engine.ledger());
        return engine;
    }

    void before(Command command) {
        captured.clear();
        feed.inputDequeued(command, 0);
    }

    /** The events {@code command} caused (none if it changed nothing). */
    List<LiveEvent> applied(Command command, Result result) {
        feed.inputApplied(command, result, 0);
        feed.batchCommitted(1, 0);
        ring.forget();
        List<LiveEvent> out = List.copyOf(captured);
        captured.clear();
        return out;
    }

    void refused(Command command) {
        feed.inputRefused(command, null);
        captured.clear();
    }
}
