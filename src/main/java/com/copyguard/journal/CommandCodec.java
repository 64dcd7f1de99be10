package com.copyguard.journal;

import com.copyguard.command.Command;
import com.copyguard.engine.Json;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectReader;
import com.fasterxml.jackson.databind.ObjectWriter;
import java.io.UncheckedIOException;

/** Commands to and from their journal JSON. */
public final class CommandCodec {
    private static final ObjectWriter WRITER = Json.MAPPER.writerFor(Command.class);
    private static final ObjectReader READER = Json.MAPPER.readerFor(Command.class);

    private CommandCodec() {
    }

    public static String encode(Command c) {
        try {
            return WRITER.writeValueAsString(c);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static Command decode(String json) {
        try {
            return READER.readValue(json);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }
}
