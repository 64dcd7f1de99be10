package com.copyguard.core.engine;

import com.copyguard.core.refusal.RefusalCode;
import com.copyguard.core.refusal.InputRefused;
import com.copyguard.core.command.Command;
import java.security.MessageDigest;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

import java.util.TreeMap;

/**
 * First answers to client-identified inputs (fill ids, request ids): a key is single-use and bound
 * to the body it first came with. A repeat with the same body gets the same answer and changes
 * nothing; a repeat with a different body is refused (409 {@code IDEMPOTENCY_KEY_REUSED}). Answers are kept as the bytes the
 * {@link AnswerCodec} encodes them to, a small fraction of the live result. The
 * bytes kept are bounded: past the budget (default {@link #MAX_ANSWER_BYTES}) the oldest answers are reduced to a summary
 * (for a fill its copied and rejected counts), so a very late repeat still changes
 * nothing but gets the summary instead of the full first answer. Keys are never forgotten.
 */
public final class Idempotency {
    /** Budget for full first answers, oldest reduced first. */
    public static final long MAX_ANSWER_BYTES = 256L * 1024 * 1024;
    /** The stored status of an answer that created something; any other is 200. Kept as numbers snapshots hold. */
    private static final int CREATED = 201;
    private static final int NOT_CREATED = 200;

    private final long maxAnswerBytes;
    /** Wiring, not state: snapshots skip it and keep the engine's own when they restore in place. */
    private final transient AnswerCodec codec;
    private final Map<String, Answer> answers = new HashMap<>();
    private final ArrayDeque<String> fullAnswers = new ArrayDeque<>();
    private long fullBytes;

    public Idempotency(AnswerCodec codec) {
        this(MAX_ANSWER_BYTES, codec);
    }

    public Idempotency(long maxAnswerBytes, AnswerCodec codec) {
        this.maxAnswerBytes = maxAnswerBytes;
        this.codec = codec;
    }

    /** A remembered answer: the full encoding, or after reduction only its summary; and its body's digest. */
    static final class Answer {
        private final int status;
        private final byte[] bodyDigest;
        private byte[] json;
        private byte[] summary;

        Answer(int status, byte[] bodyDigest, byte[] json) {
            this.status = status;
            this.bodyDigest = bodyDigest;
            this.json = json;
        }
    }

    /** The remembered answers in key order (the map is unordered), so that equal memories give equal states. */
    public IdempotencyState state() {
        List<IdempotencyState.Answer> out = new ArrayList<>(answers.size());
        new TreeMap<>(answers).forEach((key, a) -> out.add(new IdempotencyState.Answer(key, a.status, a.bodyDigest,
                a.json, a.summary)));
        return new IdempotencyState(out, new ArrayList<>(fullAnswers), fullBytes);
    }

    /** Replaces every remembered answer by {@code state}'s; the byte budget stays this instance's. */
    public void restore(IdempotencyState state) {
        answers.clear();
        for (IdempotencyState.Answer a : state.answers()) {
            Answer answer = new Answer(a.status(), a.bodyDigest(), a.json());
            answer.summary = a.summary();
            answers.put(a.key(), answer);
        }
        fullAnswers.clear();
        fullAnswers.addAll(state.fullAnswerKeys());
        fullBytes = state.fullBytes();
    }

    /**
     * The first answer to {@code key} if {@code body} repeats the input it came with, null if the key
     * is new; refuses the input if the key was first used with another body.
     */
    Result seen(String key, Command body) {
        Answer a = answers.get(key);
        if (a == null) {
            return null;
        }
        if (!MessageDigest.isEqual(a.bodyDigest, CommandDigest.of(body))) {
            throw new InputRefused(RefusalCode.IDEMPOTENCY_KEY_REUSED, "the key " + key.substring(key.indexOf(':') + 1)
                    + " was already used with a different body; use a new key for a new input");
        }
        return new Remembered(a.json != null ? a.json : a.summary, a.status == CREATED);
    }

    /**
     * Applies {@code apply} once per {@code key}: a repeat with the same body gets the first answer, another
     * body is refused (see {@link #seen}); a null key (an input journaled before it had one) applies as it is.
     */
    public Result once(String key, Command body, Supplier<? extends Result> apply) {
        Result seen = key == null ? null : seen(key, body);
        if (seen != null) {
            return seen;
        }
        Result result = apply.get();
        if (key != null) {
            remember(key, body, result);
        }
        return result;
    }

    /** Whether an input with {@code key} was applied already (a repeat applies nothing). */
    boolean knows(String key) {
        return answers.containsKey(key);
    }

    void remember(String key, Command body, Result result) {
        byte[] json = codec.encode(result);
        answers.put(key, new Answer(result.created() ? CREATED : NOT_CREATED, CommandDigest.of(body), json));
        fullAnswers.addLast(key);
        fullBytes += json.length;
        while (fullBytes > maxAnswerBytes && fullAnswers.size() > 1) {
            reduceOldest();
        }
    }

    private void reduceOldest() {
        Answer a = answers.get(fullAnswers.pollFirst());
        fullBytes -= a.json.length;
        a.summary = codec.summary(a.json);
        a.json = null;
    }
}
