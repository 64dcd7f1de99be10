package com.copyguard.journal;

import com.copyguard.command.Command;
import com.copyguard.engine.Json;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectReader;
import com.fasterxml.jackson.databind.ObjectWriter;
import java.io.UncheckedIOException;

/**
 * Commands to and from their journal JSON. Decimals are written with {@link java.math.BigDecimal#toString()}
 * (not plain notation) so that their scale survives the round trip exactly: {@code 6E+4} must come
 * back as {@code 6E+4}, not {@code 60000}, or a replay would rebuild a state that differs from the
 * acknowledged one.
 */
public final class CommandCodec {
    private static final ObjectWriter WRITER = Json.MAPPER.writerFor(Command.class)
            .without(JsonGenerator.Feature.WRITE_BIGDECIMAL_AS_PLAIN);
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
