package com.copyguard.core.engine;

import java.util.List;

/**
 * The remembered first answers, by key in sorted order (the live map is unordered), the keys whose
 * full answer is still kept in the order they will be reduced (oldest first), and the bytes those
 * full answers take. Answers are kept as the bytes the engine produced: status, digest of the body
 * that came with the key, the full JSON (null once reduced) and the summary (null until reduced).
 */
public record IdempotencyState(List<Answer> answers, List<String> fullAnswerKeys, long fullBytes) {
    public IdempotencyState {
        answers = List.copyOf(answers);
        fullAnswerKeys = List.copyOf(fullAnswerKeys);
    }

    /** One remembered answer; the arrays are never changed once made, so they are shared, not copied. */
    public record Answer(String key, int status, byte[] bodyDigest, byte[] json, byte[] summary) {
    }
}
