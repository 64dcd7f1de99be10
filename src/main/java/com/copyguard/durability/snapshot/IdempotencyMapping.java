package com.copyguard.durability.snapshot;

import com.copyguard.core.engine.IdempotencyState;
import java.io.IOException;

/** Remembered first answers, as the bytes the engine kept (status, body digest, full JSON, summary). */
final class IdempotencyMapping {
    private IdempotencyMapping() {
    }

    static void write(StateOutput out, IdempotencyState s) throws IOException {
        out.start();
        out.list(s.answers(), IdempotencyMapping::answer);
        out.strings(s.fullAnswerKeys());
        out.number(s.fullBytes());
        out.end();
    }

    static IdempotencyState read(StateInput in) throws IOException {
        in.start();
        IdempotencyState s = new IdempotencyState(in.list(IdempotencyMapping::answer), in.strings(), in.number());
        in.end();
        return s;
    }

    private static void answer(StateOutput out, IdempotencyState.Answer a) throws IOException {
        out.start();
        out.string(a.key());
        out.number(a.status());
        out.bytes(a.bodyDigest());
        out.bytes(a.json());
        out.bytes(a.summary());
        out.end();
    }

    private static IdempotencyState.Answer answer(StateInput in) throws IOException {
        in.start();
        IdempotencyState.Answer a = new IdempotencyState.Answer(in.string(), in.intNumber(), in.bytes(), in.bytes(),
                in.bytes());
        in.end();
        return a;
    }
}
