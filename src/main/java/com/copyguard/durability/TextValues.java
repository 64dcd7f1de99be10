package com.copyguard.durability;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;

/**
 * Immutable JDK value types written as their canonical text. Paths and zones are matched by their
 * public type, since their runtime classes are JDK internals (sun.nio.fs.UnixPath, ZoneRegion).
 */
final class TextValues {
    private static final Map<Class<?>, Function<String, Object>> EXACT = Map.of(
            Instant.class, Instant::parse,
            Duration.class, Duration::parse,
            LocalDate.class, LocalDate::parse,
            LocalDateTime.class, LocalDateTime::parse,
            LocalTime.class, LocalTime::parse,
            UUID.class, UUID::fromString);

    private TextValues() {
    }

    static boolean supports(Class<?> c) {
        return EXACT.containsKey(c) || Path.class.isAssignableFrom(c) || ZoneId.class.isAssignableFrom(c);
    }

    static Object parse(Class<?> c, String text) {
        Function<String, Object> exact = EXACT.get(c);
        if (exact != null) {
            return exact.apply(text);
        } else if (Path.class.isAssignableFrom(c)) {
            return Path.of(text);
        }
        return ZoneId.of(text);
    }
}
