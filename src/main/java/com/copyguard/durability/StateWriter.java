package com.copyguard.durability;

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
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * Writes an object graph in the state encoding: tagged values, a string table, identity
 * references (an object reachable twice is written once, so shared objects stay shared on
 * restore), and fields in a fixed order. Unordered collections are written sorted, so equal states
 * give equal bytes: the state hash is the digest of this encoding.
 */
final class StateWriter {
    private static final int STRING = 0;
    private static final int BOOLEAN = 1;
    private static final int INT = 2;
    private static final int LONG = 3;
    private static final int DECIMAL = 4;
    private static final int ENUM = 5;
    private static final int JSON = 6;
    private static final int SHORT = 7;
    private static final int BYTE = 8;
    private static final int CHAR = 9;
    private static final int DOUBLE = 10;
    private static final int FLOAT = 11;
    private static final int BIG_INTEGER = 12;
    private static final int TEXT_VALUE = 13;
    private static final int CONTAINER = 14;
    private static final int ARRAY = 15;
    private static final int OBJECT = 16;

    /** How values of each class are written, decided once per class. */
    private static final ClassValue<Integer> KIND = new ClassValue<>() {
        @Override
        protected Integer computeValue(Class<?> c) {
            if (c == String.class) {
                return STRING;
            } else if (c == Boolean.class) {
                return BOOLEAN;
            } else if (c == Integer.class) {
                return INT;
            } else if (c == Long.class) {
                return LONG;
            } else if (BigDecimal.class.isAssignableFrom(c)) {
                return DECIMAL;
            } else if (Enum.class.isAssignableFrom(c)) {
                return ENUM;
            } else if (JsonNode.class.isAssignableFrom(c)) {
                return JSON;
            } else if (c == Short.class) {
                return SHORT;
            } else if (c == Byte.class) {
                return BYTE;
            } else if (c == Character.class) {
                return CHAR;
            } else if (c == Double.class) {
                return DOUBLE;
            } else if (c == Float.class) {
                return FLOAT;
            } else if (BigInteger.class.isAssignableFrom(c)) {
                return BIG_INTEGER;
            } else if (TextValues.supports(c)) {
                return TEXT_VALUE;
            } else if (Collection.class.isAssignableFrom(c) || Map.class.isAssignableFrom(c)) {
                return CONTAINER;
            } else if (c.isArray()) {
                return ARRAY;
            }
            return OBJECT;
        }
    };

    private final ByteSink out;
    private final IdentityIds ids = new IdentityIds();
    private final StringCache strings = new StringCache();
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
            return;
        }
        int kind = KIND.get(v.getClass());
        switch (kind) {
            case STRING -> string((String) v);
            case BOOLEAN -> out.write((Boolean) v ? Tag.TRUE : Tag.FALSE);
            case INT -> {
                out.write(Tag.INT);
                out.zigzag((Integer) v);
            }
            case LONG -> {
                out.write(Tag.LONG);
                out.zigzag((Long) v);
            }
            case DECIMAL -> {
                out.write(Tag.DECIMAL);
                decimal((BigDecimal) v);
            }
            case ENUM -> {
                Enum<?> e = (Enum<?>) v;
                out.write(Tag.ENUM);
                out.varint(shape(e.getDeclaringClass()));
                string(e.name());
            }
            case JSON -> {
                out.write(Tag.JSON);
                json((JsonNode) v);
            }
            case SHORT -> {
                out.write(Tag.SHORT);
                out.zigzag((Short) v);
            }
            case BYTE -> {
                out.write(Tag.BYTE);
                out.zigzag((Byte) v);
            }
            case CHAR -> {
                out.write(Tag.CHAR);
                out.varint((Character) v);
            }
            case DOUBLE -> {
                out.write(Tag.DOUBLE);
                out.zigzag(Double.doubleToLongBits((Double) v));
            }
            case FLOAT -> {
                out.write(Tag.FLOAT);
                out.zigzag(Float.floatToIntBits((Float) v));
            }
            case BIG_INTEGER -> {
                out.write(Tag.BIG_INTEGER);
                out.bytes(((BigInteger) v).toByteArray());
            }
            case TEXT_VALUE -> {
                out.write(Tag.TEXT_VALUE);
                out.varint(shape(v.getClass()));
                out.utf8(v.toString());
            }
            default -> reference(v, kind);
        }
    }

    private void string(String s) {
        int idx = strings.slotOrStore(s);
        if (idx >= 0) {
            out.write(Tag.STRING_REF);
            out.varint(idx);
        } else {
            out.write(Tag.STRING);
            out.utf8(s);
        }
    }

    private void decimal(BigDecimal d) {
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

    /** A JSON tree node by node, names and texts through the string table: compact and canonical. */
    private void json(JsonNode n) {
        switch (n.getNodeType()) {
            case OBJECT -> {
                out.write(Tag.J_OBJECT);
                out.varint(n.size());
                for (Map.Entry<String, JsonNode> e : n.properties()) {
                    string(e.getKey());
                    json(e.getValue());
                }
            }
            case ARRAY -> {
                out.write(Tag.J_ARRAY);
                out.varint(n.size());
                for (JsonNode child : n) {
                    json(child);
                }
            }
            case STRING -> {
                out.write(Tag.J_TEXT);
                string(n.textValue());
            }
            case NUMBER -> {
                switch (n.numberType()) {
                    case INT -> {
                        out.write(Tag.J_INT);
                        out.zigzag(n.intValue());
                    }
                    case LONG -> {
                        out.write(Tag.J_LONG);
                        out.zigzag(n.longValue());
                    }
                    case BIG_DECIMAL -> {
                        out.write(Tag.J_DECIMAL);
                        decimal(n.decimalValue());
                    }
                    case BIG_INTEGER -> {
                        out.write(Tag.J_BIG_INTEGER);
                        out.bytes(n.bigIntegerValue().toByteArray());
                    }
                    case DOUBLE -> {
                        out.write(Tag.J_DOUBLE);
                        out.zigzag(Double.doubleToLongBits(n.doubleValue()));
                    }
                    case FLOAT -> {
                        out.write(Tag.J_FLOAT);
                        out.zigzag(Float.floatToIntBits(n.floatValue()));
                    }
                    default -> throw new SnapshotEncodingException("JSON number " + n + " cannot be written");
                }
            }
            case BOOLEAN -> out.write(n.booleanValue() ? Tag.J_TRUE : Tag.J_FALSE);
            case NULL -> out.write(Tag.J_NULL);
            case MISSING -> out.write(Tag.J_MISSING);
            default -> throw new SnapshotEncodingException("JSON node of type " + n.getNodeType() + " cannot be written");
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
    private void reference(Object v, int kind) {
        int id = ids.idOrAdd(v);
        if (id >= 0) {
            out.write(Tag.REF);
            out.varint(id);
            return;
        }
        if (kind == CONTAINER) {
            container(v);
        } else if (kind == ARRAY) {
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
            Iterable<? extends Map.Entry<?, ?>> entries = kind.ordered ? m.entrySet() : sorted(new ArrayList<>(m.entrySet()));
            for (Map.Entry<?, ?> e : entries) {
                write(e.getKey());
                write(e.getValue());
            }
        } else {
            Collection<?> c = (Collection<?>) v;
            out.varint(c.size());
            Iterable<?> elements = kind.ordered ? c : sortedElements(new ArrayList<Object>(c));
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

    private static List<Object> sortedElements(List<Object> elements) {
        if (elements.stream().allMatch(e -> e instanceof String)) {
            elements.sort((a, b) -> ((String) a).compareTo((String) b));
            return elements;
        }
        return byEncoding(elements, e -> e);
    }

    /** Orders values by their standalone encoding: canonical for any key type the codec can write. */
    private static <E> List<E> byEncoding(List<E> items, Function<E, Object> key) {
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

    private static MessageDigest discardingDigest() {
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
