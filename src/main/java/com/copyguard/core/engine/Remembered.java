package com.copyguard.core.engine;

/**
 * The first answer to a repeated client-identified input (fill id, request id), exactly as the
 * {@link AnswerCodec} encoded it then (or its summary once the answer budget reduced it). A repeat
 * changes nothing.
 */
public record Remembered(byte[] encoded, boolean created) implements Result {
    @Override
    public boolean changed() {
        return false;
    }
}
