package com.copyguard.observability.logging;

import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.classic.spi.IThrowableProxy;
import ch.qos.logback.classic.spi.ThrowableProxyUtil;
import ch.qos.logback.core.encoder.EncoderBase;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.Collection;
import java.util.Map;
import java.util.Set;
import org.slf4j.event.KeyValuePair;

/**
 * Writes each log event as one JSON object on one line:
 * {@code {"ts":"2025-01-01T00:00:00.123Z","level":"INFO","logger":"...","thread":"...","message":"...",
 * <key/value pairs>,"error":{"type":"...","message":"...","stack":"..."}}}.
 * Key/value pairs given with SLF4J's fluent API ({@code addKeyValue}) become top-level fields, so
 * log tools can filter on {@code event}, {@code fillId} or {@code code} without parsing text; maps
 * and lists stay JSON objects and arrays, numbers stay numbers. A pair whose key collides with a
 * fixed field is written with a {@code kv_} prefix. MDC entries, if any, go under {@code mdc}.
 */
public final class JsonLineEncoder extends EncoderBase<ILoggingEvent> {
    private static final Set<String> RESERVED = Set.of("ts", "level", "logger", "thread", "message", "error", "mdc");
    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final JsonFactory FACTORY = MAPPER.getFactory();
    private static final byte[] NEWLINE = {'\n'};

    @Override
    public byte[] headerBytes() {
        return null;
    }

    @Override
    public byte[] footerBytes() {
        return null;
    }

    @Override
    public byte[] encode(ILoggingEvent event) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(256);
        try (JsonGenerator g = FACTORY.createGenerator(out)) {
            g.writeStartObject();
            g.writeStringField("ts", Instant.ofEpochMilli(event.getTimeStamp()).toString());
            g.writeStringField("level", event.getLevel().toString());
            g.writeStringField("logger", event.getLoggerName());
            g.writeStringField("thread", event.getThreadName());
            g.writeStringField("message", event.getFormattedMessage());
            if (event.getKeyValuePairs() != null) {
                for (KeyValuePair kv : event.getKeyValuePairs()) {
                    g.writeFieldName(RESERVED.contains(kv.key) ? "kv_" + kv.key : kv.key);
                    writeValue(g, kv.value);
                }
            }
            Map<String, String> mdc = event.getMDCPropertyMap();
            if (mdc != null && !mdc.isEmpty()) {
                g.writeObjectField("mdc", mdc);
            }
            IThrowableProxy error = event.getThrowableProxy();
            if (error != null) {
                g.writeObjectFieldStart("error");
                g.writeStringField("type", error.getClassName());
                g.writeStringField("message", error.getMessage());
                g.writeStringField("stack", ThrowableProxyUtil.asString(error));
                g.writeEndObject();
            }
            g.writeEndObject();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        out.writeBytes(NEWLINE);
        return out.toByteArray();
    }

    /** Plain JSON types as themselves; BigDecimal in plain notation as a string (exact); anything else as text. */
    private static void writeValue(JsonGenerator g, Object value) throws IOException {
        if (value == null) {
            g.writeNull();
        } else if (value instanceof BigDecimal d) {
            g.writeString(d.toPlainString());
        } else if (value instanceof String || value instanceof Number || value instanceof Boolean
                || value instanceof Map || value instanceof Collection) {
            String json;
            try {
                json = MAPPER.writeValueAsString(value);
            } catch (IOException e) {
                g.writeString(String.valueOf(value));
                return;
            }
            g.writeRawValue(json);
        } else {
            g.writeString(String.valueOf(value));
        }
    }
}
