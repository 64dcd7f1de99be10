package com.copyguard.engine;

import java.util.HashMap;
import java.util.Map;

/** First answers to client-identified inputs (fill ids, request ids): a repeat gets the same answer. */
public final class Idempotency {
    private final Map<String, Reply> answers = new HashMap<>();

    public Reply seen(String key) {
        Reply r = answers.get(key);
        return r == null ? null : new Reply(r.status(), r.body(), false);
    }

    public void remember(String key, Reply reply) {
        answers.put(key, reply);
    }
}
