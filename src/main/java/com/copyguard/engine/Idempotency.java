package com.copyguard.engine;

import com.copyguard.refusal.RefusalCode;
import com.copyguard.refusal.InputRefused;
import com.copyguard.command.Command;
import com.copyguard.journal.CommandCodec;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * First answers to client-identified inputs (fill ids, request ids): a key is single-use and bound
 * to the body it first came with. A repeat with the same body gets the same answer and changes
 * nothing; a repeat with a different body is refused (409 {@code IDEMPOTENCY_KEY_REUSED}). Answers are kept as their JSON bytes, a small fraction of the live tree. The
 * bytes kept are bounded: past the budget (default {@link #MAX_ANSWER_BYTES}) the oldest answers are reduced to a summary
 * (status, and for a fill its copied and rejected counts), so a very late repeat still changes
 * nothing but gets the summary instead of the full first answer. Keys are never forgotten.
 */
public final class Idempotency {
    /** Budget for full first answers, oldest reduced first. */
    public static final long MAX_ANSWER_BYTES = 256L * 1024 * 1024;

    private final long maxAnswerBytes;
    private final Map<String, Answer> answers = new HashMap<>();
    private final ArrayDeque<String> fullAnswers = new ArrayDeque<>();
    private long fullBytes;

    public Idempotency() {
        this(MAX_ANSWER_BYTES);
    }

    public Idempotency(long maxAnswerBytes) {
        this.maxAnswerBytes = maxAnswerBytes;
    }

    /** A remembered answer: the full JSON, or after reduction only its summary; and its body's digest. */
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
    public Reply seen(String key, Command body) {
        Answer a = answers.get(key);
        if (a == null) {
            return null;
        }
        if (!MessageDigest.isEqual(a.bodyDigest, digest(body))) {
            throw new InputRefused(RefusalCode.IDEMPOTENCY_KEY_REUSED, "the key " + key.substring(key.indexOf(':') + 1)
                    + " was already used with a different body; use a new key for a new input");
        }
        return new Reply(a.status, parse(a.json != null ? a.json : a.summary), false);
    }

    /**
     * Applies {@code apply} once per {@code key}: a repeat with the same body gets the first answer, another
     * body is refused (see {@link #seen}); a null key (an input journaled before it had one) applies as it is.
     */
    public Reply once(String key, Command body, java.util.function.Supplier<Reply> apply) {
        Reply seen = key == null ? null : seen(key, body);
        if (seen != null) {
            return seen;
        }
        Reply reply = apply.get();
        if (key != null) {
            remember(key, body, reply);
        }
        return reply;
    }

    public void remember(String key, Command body, Reply reply) {
        byte[] json = bytes(reply.body());
        answers.put(key, new Answer(reply.status(), digest(body), json));
        fullAnswers.addLast(key);
        fullBytes += json.length;
        while (fullBytes > maxAnswerBytes && fullAnswers.size() > 1) {
            reduceOldest();
        }
    }

    private void reduceOldest() {
        Answer a = answers.get(fullAnswers.pollFirst());
        JsonNode full = parse(a.json);
        ObjectNode summary = Json.object();
        full.fieldNames().forEachRemaining(f -> {
            if (!full.get(f).isContainerNode()) {
                summary.set(f, full.get(f));
            }
        });
        summary.put("summary", true);
        fullBytes -= a.json.length;
        a.summary = bytes(summary);
        a.json = null;
    }

    /** First 16 bytes of the SHA-256 of the input's canonical (journal) encoding. */
    private static byte[] digest(Command body) {
        try {
            byte[] full = MessageDigest.getInstance("SHA-256")
                    .digest(CommandCodec.encode(body).getBytes(StandardCharsets.UTF_8));
            return Arrays.copyOf(full, 16);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static byte[] bytes(JsonNode node) {
        try {
            return Json.MAPPER.writeValueAsBytes(node);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static JsonNode parse(byte[] json) {
        try {
            return Json.MAPPER.readTree(json);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
