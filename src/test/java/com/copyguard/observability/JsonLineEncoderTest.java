package com.copyguard.observability;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.spi.LoggingEvent;
import com.copyguard.json.Json;
import com.copyguard.observability.logging.JsonLineEncoder;
import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.slf4j.event.KeyValuePair;

class JsonLineEncoderTest {
    private final LoggerContext context = (LoggerContext) org.slf4j.LoggerFactory.getILoggerFactory();
    private final JsonLineEncoder encoder = new JsonLineEncoder();

    private JsonNode encode(LoggingEvent event) throws Exception {
        String line = new String(encoder.encode(event), StandardCharsets.UTF_8);
        assertThat(line).endsWith("\n");
        assertThat(line.indexOf('\n')).isEqualTo(line.length() - 1);
        return Json.MAPPER.readTree(line);
    }

    private LoggingEvent event(Level level, String message, Throwable error, Object... args) {
        return new LoggingEvent("fqcn", context.getLogger("copyguard.events"), level, message, error, args);
    }

    @Test
    void keyValuePairsBecomeTopLevelFieldsWithTheirJsonTypes() throws Exception {
        LoggingEvent e = event(Level.INFO, "fill {} decided", null, "f1");
        e.addKeyValuePair(new KeyValuePair("event", "fill_decided"));
        e.addKeyValuePair(new KeyValuePair("followers", 3));
        e.addKeyValuePair(new KeyValuePair("reasons", Map.of("SLIPPAGE_EXCEEDED", 2)));
        e.addKeyValuePair(new KeyValuePair("symbols", List.of("BTCUSDT")));
        e.addKeyValuePair(new KeyValuePair("amount", new BigDecimal("0.10000000000000000001")));
        e.addKeyValuePair(new KeyValuePair("missing", null));
        e.addKeyValuePair(new KeyValuePair("level", "collides"));

        JsonNode json = encode(e);
        assertThat(json.path("message").asText()).isEqualTo("fill f1 decided");
        assertThat(json.path("level").asText()).isEqualTo("INFO");
        assertThat(json.path("logger").asText()).isEqualTo("copyguard.events");
        assertThat(json.path("ts").asText()).matches("\\d{4}-\\d\\d-\\d\\dT.*Z");
        assertThat(json.path("event").asText()).isEqualTo("fill_decided");
        assertThat(json.path("followers").isInt()).isTrue();
        assertThat(json.path("reasons").path("SLIPPAGE_EXCEEDED").asInt()).isEqualTo(2);
        assertThat(json.path("symbols").get(0).asText()).isEqualTo("BTCUSDT");
        assertThat(json.path("amount").asText()).as("exact, as text").isEqualTo("0.10000000000000000001");
        assertThat(json.path("missing").isNull()).isTrue();
        assertThat(json.path("kv_level").asText()).isEqualTo("collides");
    }

    @Test
    void anErrorKeepsItsStackTraceInsideTheOneLine() throws Exception {
        JsonNode json = encode(event(Level.ERROR, "journal commit failed", new IllegalStateException("disk \"full\"\nreally")));
        assertThat(json.path("level").asText()).isEqualTo("ERROR");
        assertThat(json.path("error").path("type").asText()).isEqualTo("java.lang.IllegalStateException");
        assertThat(json.path("error").path("message").asText()).isEqualTo("disk \"full\"\nreally");
        assertThat(json.path("error").path("stack").asText()).contains("JsonLineEncoderTest");
    }
}
