package com.copyguard.durability.snapshot;

import com.copyguard.durability.snapshot.StateEncoding;
import com.copyguard.core.engine.Engine;
import com.copyguard.json.Json;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * GET /state/hash: {@code {seq, hash}}, the SHA-256 of the canonical encoding (the snapshot
 * mapping, {@link StateEncoding}) of the whole engine state (accounts, positions, subscriptions, experts, frozen and pending amounts, transaction
 * records, decisions, remembered idempotent answers, prices, clock) at journal position seq.
 * Equal states give equal hashes; the live service, a full replay of its journal and a snapshot
 * plus the journal tail all agree. Computing it walks the whole state (O(state)).
 */
public final class StateHash {
    private StateHash() {
    }

    public static String of(Engine engine) {
        return StateEncoding.hash(engine.state());
    }

    /** Runs on the writer thread; {@code seq} is the writer's applied position at that moment. */
    public static ObjectNode reply(Engine engine, long seq) {
        ObjectNode n = Json.object();
        n.put("seq", seq);
        n.put("hash", of(engine));
        return n;
    }
}
