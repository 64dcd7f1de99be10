package com.copyguard.durability;

import com.copyguard.engine.Json;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.ByteArrayOutputStream;
import java.lang.reflect.Array;
import java.lang.reflect.Field;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;

/**
 * Writes an object graph in the state encoding: tagged values, a string table, identity
 * references (an object reachable twice is written once, so shared objects stay shared on
 * restore), and fields in a fixed order. Unordered collections are written sorted, so equal states
 * give equal bytes: the state hash is the digest of this encoding.
 */
final class StateWriter {
    private final ByteSink out;
    private final Map<Object, Integer> ids = new IdentityHashMap<>();
    private final Map<String, Integer> strings = new HashMap<>();
    private final Map<Class<?>, Integer> shapeIndex = new HashMap<>();
    private final List<Shape> shapes = new ArrayList<>();

    StateWriter(ByteSink out) {
        this.out = out;
    }

    /** The shapes used, in index order: stored beside the body so a reader can check them first. */
    List<String> descriptors() {
        List<String> d = new ArrayList<>(shapes.size());
        shapes.forEach(s -> d.add(s.descriptor));
        return d;
    }

    void write(Object v) {
        if (v == null) {
            out.write(Tag.NULL);
        } else if (v instanceof String s) {
            string(s);
        } else if (v instanceof Boolean b) {
            out.write(b ? Tag.TRUE : Tag.FALSE);
        } else if (v instanceof Integer i) {
            out.write(Tag.INT);
            out.zigzag(i);
        } else if (v instanceof Long l) {
            out.write(Tag.LONG);
            out.zigzag(l);
        } else if (v instanceof BigDecimal d) {
            decimal(d);
        } else if (v instanceof Enum<?> e) {
            out.write(Tag.ENUM);
            out.varint(shape(e.getDeclaringClass()));
            string(e.name());
        } else if (v instanceof JsonNode n) {
            out.write(Tag.JSON);
            out.utf8(json(n));
        } else if (v instanceof Short s) {
            out.write(Tag.SHORT);
            out.zigzag(s);
        } else if (v instanceof Byte b) {
            out.write(Tag.BYTE);
            out.zigzag(b);
        } else if (v instanceof Character c) {
            out.write(Tag.CHAR);
            out.varint(c);
        } else if (v instanceof Double d) {
            out.write(Tag.DOUBLE);
            out.zigzag(Double.doubleToLongBits(d));
        } else if (v instanceof Float f) {
            out.write(Tag.FLOAT);
            out.zigzag(Float.floatToIntBits(f));
        } else if (v instanceof BigInteger b) {
            out.write(Tag.BIG_INTEGER);
            out.bytes(b.toByteArray());
        } else if (TextValues.supports(v.getClass())) {
            out.write(Tag.TEXT_VALUE);
            out.varint(shape(v.getClass()));
            out.utf8(v.toString());
        } else {
            reference(v);
        }
    }

    private void string(String s) {
        Integer idx = strings.get(s);
        if (idx != null) {
            out.write(Tag.STRING_REF);
            out.varint(idx);
        } else {
            strings.put(s, strings.size());
            out.write(Tag.STRING);
            out.utf8(s);
        }
    }

    private void decimal(BigDecimal d) {
        out.write(Tag.DECIMAL);
        out.zigzag(d.scale());
        BigInteger unscaled = d.unscaledValue();
        if (unscaled.bitLength() < 63) {
            out.write(0);
            out.zigzag(unscaled.longValue());
        } else {
            out.write(1);
            out.bytes(unscaled.toByteArray());
        }
    }

    private static String json(JsonNode n) {
        try {
            return Json.MAPPER.writeValueAsString(n);
        } catch (JsonProcessingException e) {
            throw new SnapshotEncodingException("JSON value cannot be written: " + e.getMessage());
        }
    }

    private int shape(Class<?> type) {
        Integer idx = shapeIndex.get(type);
        if (idx == null) {
            Shape s = Shape.of(type);
            idx = shapes.size();
            shapes.add(s);
            shapeIndex.put(type, idx);
        }
        return idx;
    }

    /** Objects with identity: written once, then referred to by number. */
    private void reference(Object v) {
        Integer id = ids.get(v);
        if (id != null) {
            out.write(Tag.REF);
            out.varint(id);
            return;
        }
        ids.put(v, ids.size());
        if (v instanceof Collection<?> || v instanceof Map<?, ?>) {
            container(v);
        } else if (v.getClass().isArray()) {
            array(v);
        } else {
            Shape s = Shape.of(v.getClass());
            String constant = s.constantName(v);
            if (constant != null) {
                out.write(Tag.CONSTANT);
                out.varint(shape(v.getClass()));
                string(constant);
            } else if (s.kind == Shape.Kind.RECORD) {
                out.write(Tag.RECORD);
                out.varint(shape(v.getClass()));
                fields(s, v);
            } else if (s.kind == Shape.Kind.OBJECT) {
                out.write(Tag.OBJECT);
                out.varint(shape(v.getClass()));
                fields(s, v);
            } else {
                throw new SnapshotEncodingException("unsupported value " + v.getClass().getName());
            }
        }
    }

    private void fields(Shape s, Object v) {
        for (Field f : s.fields) {
            Object value;
            try {
                value = f.get(v);
            } catch (IllegalAccessException e) {
                throw new SnapshotEncodingException("field not readable: " + e.getMessage());
            }
            try {
                write(value);
            } catch (SnapshotEncodingException e) {
                throw e.at(s.type.getSimpleName() + "." + f.getName());
            }
        }
    }

    private void array(Object v) {
        out.write(Tag.ARRAY);
        out.varint(shape(v.getClass()));
        int n = Array.getLength(v);
        out.varint(n);
        for (int i = 0; i < n; i++) {
            write(Array.get(v, i));
        }
    }

    private void container(Object v) {
        Container kind = Container.of(v);
        if (kind == null) {
            throw new SnapshotEncodingException("unsupported collection " + v.getClass().getName()
                    + " (use ArrayList, LinkedHashMap, TreeMap with natural order, ... or an immutable copy)");
        }
        out.write(kind.map ? Tag.MAP : Tag.COLLECTION);
        out.write(kind.ordinal());
        if (kind.map) {
            Map<?, ?> m = (Map<?, ?>) v;
            out.varint(m.size());
            List<? extends Map.Entry<?, ?>> entries = new ArrayList<>(m.entrySet());
            if (!kind.ordered) {
                entries = sorted(entries);
            }
            for (Map.Entry<?, ?> e : entries) {
                write(e.getKey());
                write(e.getValue());
            }
        } else {
            Collection<?> c = (Collection<?>) v;
            out.varint(c.size());
            List<?> elements = new ArrayList<>(c);
            if (!kind.ordered) {
                elements = sortedElements(elements);
            }
            for (Object e : elements) {
                write(e);
            }
        }
    }

    private static <E extends Map.Entry<?, ?>> List<E> sorted(List<E> entries) {
        if (entries.stream().allMatch(e -> e.getKey() instanceof String)) {
            entries.sort((a, b) -> ((String) a.getKey()).compareTo((String) b.getKey()));
            return entries;
        }
        return byEncoding(entries, Map.Entry::getKey);
    }

    private static List<?> sortedElements(List<?> elements) {
        if (elements.stream().allMatch(e -> e instanceof String)) {
            List<String> strings = new ArrayList<>();
            elements.forEach(e -> strings.add((String) e));
            strings.sort(null);
            return strings;
        }
        return byEncoding(elements, e -> e);
    }

    /** Orders values by their standalone encoding: canonical for any key type the codec can write. */
    private static <E> List<E> byEncoding(List<E> items, java.util.function.Function<E, Object> key) {
        record Keyed<E>(byte[] key, E item) {
        }
        List<Keyed<E>> keyed = new ArrayList<>(items.size());
        for (E item : items) {
            ByteArrayOutputStream bytes = new ByteArrayOutputStream();
            ByteSink sink = new ByteSink(bytes, discardingDigest());
            new StateWriter(sink).write(key.apply(item));
            sink.flush();
            keyed.add(new Keyed<>(bytes.toByteArray(), item));
        }
        keyed.sort((a, b) -> Arrays.compareUnsigned(a.key(), b.key()));
        List<E> out = new ArrayList<>(items.size());
        keyed.forEach(k -> out.add(k.item()));
        return out;
    }

    static MessageDigest discardingDigest() {
        return new MessageDigest("none") {
            @Override
            protected void engineUpdate(byte input) {
            }

            @Override
            protected void engineUpdate(byte[] input, int offset, int len) {
            }

            @Override
            protected byte[] engineDigest() {
                return new byte[0];
            }

            @Override
            protected void engineReset() {
            }
        };
    }
}
