package com.copyguard.durability.snapshot;

import com.fasterxml.jackson.core.JsonGenerator;
import java.io.Closeable;
import java.io.IOException;
import java.math.BigDecimal;
import java.util.Collection;
import java.util.Map;

/** Writes state values for the mappings: a record is an array of its components, null is null. */
final class StateOutput implements Closeable {
    /** Writes one value of a mapped type. */
    @FunctionalInterface
    interface Writer<T> {
        void write(StateOutput out, T value) throws IOException;
    }

    private final JsonGenerator gen;

    StateOutput(JsonGenerator gen) {
        this.gen = gen;
    }

    void start() throws IOException {
        gen.writeStartArray();
    }

    void end() throws IOException {
        gen.writeEndArray();
    }

    void string(String s) throws IOException {
        if (s == null) {
            gen.writeNull();
        } else {
            gen.writeString(s);
        }
    }

    void decimal(BigDecimal d) throws IOException {
        if (d == null) {
            gen.writeNull();
        } else {
            gen.writeNumber(d);
        }
    }

    void number(long n) throws IOException {
        gen.writeNumber(n);
    }

    void nullableNumber(Long n) throws IOException {
        if (n == null) {
            gen.writeNull();
        } else {
            gen.writeNumber(n);
        }
    }

    void nullableNumber(Integer n) throws IOException {
        if (n == null) {
            gen.writeNull();
        } else {
            gen.writeNumber(n);
        }
    }

    void bool(boolean b) throws IOException {
        gen.writeBoolean(b);
    }

    /** An enum constant by name, so that reordering constants changes nothing and renaming one is refused on read. */
    void constant(Enum<?> e) throws IOException {
        string(e == null ? null : e.name());
    }

    void bytes(byte[] b) throws IOException {
        if (b == null) {
            gen.writeNull();
        } else {
            gen.writeBinary(b);
        }
    }

    /** A list or other ordered collection, in its order; null stays null. */
    <T> void list(Collection<T> values, Writer<T> element) throws IOException {
        if (values == null) {
            gen.writeNull();
            return;
        }
        gen.writeStartArray(values, values.size());
        for (T v : values) {
            element.write(this, v);
        }
        gen.writeEndArray();
    }

    /** A map as alternating keys and values, in the map's iteration order (callers pass ordered maps). */
    <V> void map(Map<String, V> values, Writer<V> value) throws IOException {
        if (values == null) {
            gen.writeNull();
            return;
        }
        gen.writeStartArray(values, values.size() * 2);
        for (Map.Entry<String, V> e : values.entrySet()) {
            gen.writeString(e.getKey());
            value.write(this, e.getValue());
        }
        gen.writeEndArray();
    }

    void strings(Collection<String> values) throws IOException {
        list(values, StateOutput::string);
    }

    void flush() throws IOException {
        gen.flush();
    }

    @Override
    public void close() throws IOException {
        gen.close();
    }
}
