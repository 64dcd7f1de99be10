package com.copyguard.durability.journal;

import com.copyguard.core.command.Command;
import com.copyguard.json.Json;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
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
    /** The one JSON configuration, plus the journal's names for command kinds and its form of a settings patch. */
    private static final ObjectMapper JOURNAL = Json.MAPPER.copy()
            .addMixIn(Command.class, CommandMixIn.class)
            .registerModule(SettingsPatchJson.module());
    private static final ObjectWriter WRITER = JOURNAL.writerFor(Command.class)
            .without(JsonGenerator.Feature.WRITE_BIGDECIMAL_AS_PLAIN);
    /** The journal's {@link #SENT_BY} field sits beside the command's own fields; commands ignore it. */
    private static final ObjectReader READER = JOURNAL.readerFor(Command.class)
            .without(com.fasterxml.jackson.databind.DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);
    /** The journal field naming who sent the input; not part of the command itself. */
    public static final String SENT_BY = "sentBy";

    private CommandCodec() {
    }

    /** The journal JSON of {@code c} sent by {@code sender} (null: unknown), as {@code "sentBy": {subject, role}}. */
    public static String encode(Command c, com.copyguard.core.command.Sender sender) {
        if (sender == null) {
            return encode(c);
        }
        // appended to the command's own text, never re-encoded through a tree, so decimals keep their exact scale
        String command = encode(c);
        try {
            String by = Json.MAPPER.writeValueAsString(Json.object().put("subject", sender.subject()).put("role", sender.role()));
            return command.substring(0, command.length() - 1) + ",\"" + SENT_BY + "\":" + by + "}";
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Who sent a journaled command, or null for entries written before senders were journaled. */
    public static com.copyguard.core.command.Sender sender(String json) {
        try {
            com.fasterxml.jackson.databind.JsonNode by = Json.MAPPER.readTree(json).get(SENT_BY);
            return by == null ? null : new com.copyguard.core.command.Sender(by.path("subject").asText(null),
                    by.path("role").asText(null));
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
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
