package com.copyguard.durability;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;

/** Immutable JDK value types written as their canonical text. */
final class TextValues {
    private static final Map<Class<?>, Function<String, Object>> PARSERS = Map.of(
            Instant.class, Instant::parse,
            Duration.class, Duration::parse,
            LocalDate.class, LocalDate::parse,
            LocalDateTime.class, LocalDateTime::parse,
            LocalTime.class, LocalTime::parse,
            ZoneOffset.class, ZoneOffset::of,
            UUID.class, UUID::fromString);

    private TextValues() {
    }

    static boolean supports(Class<?> c) {
        return PARSERS.containsKey(c);
    }

    static Object parse(Class<?> c, String text) {
        return PARSERS.get(c).apply(text);
    }
}
