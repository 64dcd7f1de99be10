package com.copyguard.engine;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayDeque;
import java.util.HashMap;
import java.util.Map;

/**
 * First answers to client-identified inputs (fill ids, request ids): a repeat gets the same answer
 * and changes nothing. Answers are kept as their JSON bytes, a small fraction of the live tree. The
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

    /** A remembered answer: the full JSON, or after reduction only its summary. */
    static final class Answer {
        private final int status;
        private byte[] json;
        private byte[] summary;

        Answer(int status, byte[] json) {
            this.status = status;
            this.json = json;
        }
    }

    public Reply seen(String key) {
        Answer a = answers.get(key);
        if (a == null) {
            return null;
        }
        return new Reply(a.status, parse(a.json != null ? a.json : a.summary), false);
    }

    public void remember(String key, Reply reply) {
        byte[] json = bytes(reply.body());
        answers.put(key, new Answer(reply.status(), json));
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
