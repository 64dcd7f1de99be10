package com.copyguard.core.engine;

import java.util.ServiceLoader;

/**
 * Turns first answers into the bytes {@link Idempotency} keeps, so a repeat gets the same answer.
 * The encoding is the edge's (it shows answers), so the core only declares it: the edge injects
 * one when it builds the engine, and tools and tests that build an engine without saying get the
 * one installed on the class path ({@code META-INF/services}).
 */
public interface AnswerCodec {
    /** The full answer. */
    byte[] encode(Result result);

    /** A smaller answer kept once the budget for full answers is spent (scalars and fan-out summaries, marked as a summary). */
    byte[] summary(byte[] full);

    /** The codec installed on the class path, looked up once (engines are built per shard and per test). */
    static AnswerCodec installed() {
        return Installed.CODEC;
    }

    /** Loaded on first use, so a caller that passes its own codec never scans the class path. */
    final class Installed {
        static final AnswerCodec CODEC = ServiceLoader.load(AnswerCodec.class).findFirst()
                .orElseThrow(() -> new IllegalStateException("no " + AnswerCodec.class.getName()
                        + " is installed (META-INF/services); pass one to the Engine"));

        private Installed() {
        }
    }
}
