package com.copyguard.durability.snapshot;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import java.io.Closeable;
import java.io.IOException;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads state values in the order the mappings wrote them. Every value is checked against the
 * expected kind, and every record must end where its mapping ends: a body that does not match the
 * mappings is refused with where it went wrong, never half read.
 */
final class StateInput implements Closeable {
    /** Reads one value of a mapped type. */
    @FunctionalInterface
    interface Reader<T> {
        T read(StateInput in) throws IOException;
    }

    private final JsonParser parser;
    /** Lists look one token ahead to find their end: the next value then starts from the token already read. */
    private boolean lookedAhead;

    StateInput(JsonParser parser) {
        this.parser = parser;
    }

    private JsonToken next() throws IOException {
        if (lookedAhead) {
            lookedAhead = false;
            return parser.currentToken();
        }
        JsonToken t = parser.nextToken();
        if (t == null) {
            throw new StateMappingException("the state ends early, at byte " + offset());
        }
        return t;
    }

    private long offset() {
        return parser.currentLocation().getByteOffset();
    }

    private StateMappingException unexpected(JsonToken t, String expected) {
        return new StateMappingException("expected " + expected + " but found " + t + " at byte " + offset());
    }

    void start() throws IOException {
        JsonToken t = next();
        if (t != JsonToken.START_ARRAY) {
            throw unexpected(t, "the start of a record");
        }
    }

    /**
     * For a record that may be null: true (and nothing more to read) when it is null, false when
     * its record starts here.
     */
    boolean nullNext() throws IOException {
        JsonToken t = next();
        if (t == JsonToken.VALUE_NULL) {
            return true;
        }
        if (t != JsonToken.START_ARRAY) {
            throw unexpected(t, "a record or null");
        }
        return false;
    }

    void end() throws IOException {
        JsonToken t = next();
        if (t != JsonToken.END_ARRAY) {
            throw unexpected(t, "the end of a record (the record has more components than this build maps)");
        }
    }

    /** True when the whole input has been read. */
    boolean atEnd() throws IOException {
        return parser.nextToken() == null;
    }

    String string() throws IOException {
        JsonToken t = next();
        if (t == JsonToken.VALUE_NULL) {
            return null;
        }
        if (t != JsonToken.VALUE_STRING) {
            throw unexpected(t, "a string");
        }
        return parser.getText();
    }

    BigDecimal decimal() throws IOException {
        JsonToken t = next();
        if (t == JsonToken.VALUE_NULL) {
            return null;
        }
        if (t != JsonToken.VALUE_NUMBER_FLOAT && t != JsonToken.VALUE_NUMBER_INT) {
            throw unexpected(t, "a decimal");
        }
        return parser.getDecimalValue();
    }

    long number() throws IOException {
        JsonToken t = next();
        if (t != JsonToken.VALUE_NUMBER_INT) {
            throw unexpected(t, "an integer");
        }
        return parser.getLongValue();
    }

    int intNumber() throws IOException {
        JsonToken t = next();
        if (t != JsonToken.VALUE_NUMBER_INT) {
            throw unexpected(t, "an integer");
        }
        return parser.getIntValue();
    }

    Long nullableNumber() throws IOException {
        JsonToken t = next();
        if (t == JsonToken.VALUE_NULL) {
            return null;
        }
        if (t != JsonToken.VALUE_NUMBER_INT) {
            throw unexpected(t, "an integer or null");
        }
        return parser.getLongValue();
    }

    Integer nullableInt() throws IOException {
        Long n = nullableNumber();
        return n == null ? null : Math.toIntExact(n);
    }

    boolean bool() throws IOException {
        JsonToken t = next();
        if (t == JsonToken.VALUE_TRUE) {
            return true;
        } else if (t == JsonToken.VALUE_FALSE) {
            return false;
        }
        throw unexpected(t, "a boolean");
    }

    <E extends Enum<E>> E constant(Class<E> type) throws IOException {
        String name = string();
        if (name == null) {
            return null;
        }
        try {
            return Enum.valueOf(type, name);
        } catch (IllegalArgumentException e) {
            throw new StateMappingException(type.getSimpleName() + " has no constant " + name + " in this build");
        }
    }

    byte[] bytes() throws IOException {
        JsonToken t = next();
        if (t == JsonToken.VALUE_NULL) {
            return null;
        }
        if (t != JsonToken.VALUE_EMBEDDED_OBJECT) {
            throw unexpected(t, "bytes");
        }
        return parser.getBinaryValue();
    }

    /** A list written by {@link StateOutput#list}, as a mutable list (null stays null). */
    <T> List<T> list(Reader<T> element) throws IOException {
        JsonToken t = next();
        if (t == JsonToken.VALUE_NULL) {
            return null;
        }
        if (t != JsonToken.START_ARRAY) {
            throw unexpected(t, "a list");
        }
        List<T> out = new ArrayList<>();
        while (true) {
            JsonToken peek = parser.nextToken();
            if (peek == JsonToken.END_ARRAY) {
                return out;
            }
            if (peek == null) {
                throw new StateMappingException("the state ends inside a list");
            }
            lookedAhead = true;
            out.add(element.read(this));
        }
    }

    /** A map written by {@link StateOutput#map}, in written order, unmodifiable (null stays null). */
    <V> Map<String, V> map(Reader<V> value) throws IOException {
        JsonToken t = next();
        if (t == JsonToken.VALUE_NULL) {
            return null;
        }
        if (t != JsonToken.START_ARRAY) {
            throw unexpected(t, "a map");
        }
        Map<String, V> out = new LinkedHashMap<>();
        while (true) {
            JsonToken k = next();
            if (k == JsonToken.END_ARRAY) {
                return Collections.unmodifiableMap(out);
            }
            if (k != JsonToken.VALUE_STRING) {
                throw unexpected(k, "a map key");
            }
            String key = parser.getText();
            out.put(key, value.read(this));
        }
    }

    List<String> strings() throws IOException {
        return list(StateInput::string);
    }

    @Override
    public void close() throws IOException {
        parser.close();
    }
}
