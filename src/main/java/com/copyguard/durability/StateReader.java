package com.copyguard.durability;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.MissingNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.lang.reflect.Array;
import java.lang.reflect.Field;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;

/**
 * Reads the state encoding back. Objects are rebuilt without running constructors and their fields
 * set directly, so no per-class code is needed. Where the target already holds a mutable object of
 * the same class (a fresh engine's ledger, its maps and lists), that object is filled in place
 * rather than replaced: anything else that already refers to it keeps seeing the live state.
 */
final class StateReader {
    private static final JsonNodeFactory NODES = JsonNodeFactory.withExactBigDecimals(true);
    private static final Object PENDING = new Object();

    private final ByteSource in;
    private final List<Shape> shapes;
    private final List<Object> objects = new ArrayList<>();
    private final StringCache strings = new StringCache();

    StateReader(ByteSource in, List<Shape> shapes) {
        this.in = in;
        this.shapes = shapes;
    }

    /** Checks stored descriptors against the classes as they are now; returns their shapes. */
    static List<Shape> resolve(List<String> descriptors) throws SnapshotUnusableException {
        List<Shape> out = new ArrayList<>(descriptors.size());
        for (String d : descriptors) {
            String name = d.substring(0, d.indexOf('|'));
            Shape s;
            try {
                s = Shape.of(Class.forName(name, true, StateReader.class.getClassLoader()));
            } catch (ClassNotFoundException | LinkageError e) {
                throw new SnapshotUnusableException("class " + name + " no longer exists");
            } catch (SnapshotEncodingException e) {
                throw new SnapshotUnusableException("class " + name + " can no longer be read: " + e.getMessage());
            }
            if (!s.descriptor.equals(d)) {
                throw new SnapshotUnusableException("class " + name + " changed since the snapshot was written (was "
                        + d + ", now " + s.descriptor + ")");
            }
            out.add(s);
        }
        return out;
    }

    /** Reads the next value; {@code existing} is what the target currently holds there, reused when it fits. */
    Object read(Object existing) throws IOException, SnapshotUnusableException {
        int tag = in.read();
        switch (tag) {
            case Tag.NULL:
                return null;
            case Tag.STRING: {
                String s = in.utf8();
                strings.store(s);
                return s;
            }
            case Tag.STRING_REF: {
                String s = strings.at((int) in.varint());
                if (s == null) {
                    throw new SnapshotUnusableException("string reference to an empty dictionary slot");
                }
                return s;
            }
            case Tag.TRUE:
                return Boolean.TRUE;
            case Tag.FALSE:
                return Boolean.FALSE;
            case Tag.INT:
                return (int) in.zigzag();
            case Tag.LONG:
                return in.zigzag();
            case Tag.SHORT:
                return (short) in.zigzag();
            case Tag.BYTE:
                return (byte) in.zigzag();
            case Tag.CHAR:
                return (char) in.varint();
            case Tag.DOUBLE:
                return Double.longBitsToDouble(in.zigzag());
            case Tag.FLOAT:
                return Float.intBitsToFloat((int) in.zigzag());
            case Tag.DECIMAL:
                return decimal();
            case Tag.BIG_INTEGER:
                return new BigInteger(in.bytes());
            case Tag.ENUM:
                return enumValue();
            case Tag.JSON:
                return json();
            case Tag.TEXT_VALUE: {
                Shape s = shape();
                return TextValues.parse(s.type, in.utf8());
            }
            case Tag.REF: {
                Object o = objects.get(index(in.varint(), objects.size(), "object"));
                if (o == PENDING) {
                    throw new SnapshotUnusableException("a value refers to an immutable value still being read (cycle)");
                }
                return o;
            }
            case Tag.CONSTANT:
                return constant();
            case Tag.OBJECT:
                return object(existing);
            case Tag.RECORD:
                return record();
            case Tag.COLLECTION:
            case Tag.MAP:
                return container(existing);
            case Tag.ARRAY:
                return array();
            default:
                throw new SnapshotUnusableException("unknown tag " + tag + " in snapshot body");
        }
    }

    private static int index(long v, int size, String what) throws SnapshotUnusableException {
        if (v < 0 || v >= size) {
            throw new SnapshotUnusableException(what + " reference " + v + " out of range");
        }
        return (int) v;
    }

    private Shape shape() throws IOException, SnapshotUnusableException {
        return shapes.get(index(in.varint(), shapes.size(), "class"));
    }

    private BigDecimal decimal() throws IOException {
        int scale = (int) in.zigzag();
        int form = in.read();
        return form == 0 ? BigDecimal.valueOf(in.zigzag(), scale) : new BigDecimal(new BigInteger(in.bytes()), scale);
    }

    private JsonNode json() throws IOException, SnapshotUnusableException {
        int t = in.read();
        switch (t) {
            case Tag.J_OBJECT: {
                ObjectNode o = NODES.objectNode();
                int n = in.length();
                for (int i = 0; i < n; i++) {
                    Object name = read(null);
                    if (!(name instanceof String s)) {
                        throw new SnapshotUnusableException("JSON field name is not a string");
                    }
                    o.set(s, json());
                }
                return o;
            }
            case Tag.J_ARRAY: {
                ArrayNode a = NODES.arrayNode();
                int n = in.length();
                for (int i = 0; i < n; i++) {
                    a.add(json());
                }
                return a;
            }
            case Tag.J_TEXT: {
                Object text = read(null);
                if (!(text instanceof String s)) {
                    throw new SnapshotUnusableException("JSON text is not a string");
                }
                return NODES.textNode(s);
            }
            case Tag.J_INT:
                return NODES.numberNode((int) in.zigzag());
            case Tag.J_LONG:
                return NODES.numberNode(in.zigzag());
            case Tag.J_DECIMAL:
                return NODES.numberNode(decimal());
            case Tag.J_BIG_INTEGER:
                return NODES.numberNode(new BigInteger(in.bytes()));
            case Tag.J_DOUBLE:
                return NODES.numberNode(Double.longBitsToDouble(in.zigzag()));
            case Tag.J_FLOAT:
                return NODES.numberNode(Float.intBitsToFloat((int) in.zigzag()));
            case Tag.J_TRUE:
                return NODES.booleanNode(true);
            case Tag.J_FALSE:
                return NODES.booleanNode(false);
            case Tag.J_NULL:
                return NODES.nullNode();
            case Tag.J_MISSING:
                return MissingNode.getInstance();
            default:
                throw new SnapshotUnusableException("unknown JSON node tag " + t);
        }
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    private Object enumValue() throws IOException, SnapshotUnusableException {
        Shape s = shape();
        Object name = read(null);
        try {
            return Enum.valueOf((Class) s.type, (String) name);
        } catch (IllegalArgumentException | ClassCastException e) {
            throw new SnapshotUnusableException(s.type.getName() + " no longer has the constant " + name);
        }
    }

    private Object constant() throws IOException, SnapshotUnusableException {
        Shape s = shape();
        int slot = objects.size();
        objects.add(PENDING);
        Object name = read(null);
        try {
            Object v = s.constant((String) name);
            objects.set(slot, v);
            return v;
        } catch (ReflectiveOperationException | ClassCastException e) {
            throw new SnapshotUnusableException(s.type.getName() + " no longer has the constant " + name);
        }
    }

    private Object object(Object existing) throws IOException, SnapshotUnusableException {
        Shape s = shape();
        if (s.kind != Shape.Kind.OBJECT) {
            throw new SnapshotUnusableException(s.type.getName() + " is not an object shape");
        }
        boolean inPlace = existing != null && existing.getClass() == s.type;
        Object o;
        try {
            o = inPlace ? existing : s.newInstance();
        } catch (ReflectiveOperationException e) {
            throw new SnapshotUnusableException("cannot allocate " + s.type.getName(), e);
        }
        objects.add(o);
        for (Field f : s.fields) {
            try {
                Object current = inPlace ? f.get(o) : null;
                Object v = read(current);
                if (!inPlace || v != current) {
                    f.set(o, v);
                }
            } catch (IllegalAccessException | IllegalArgumentException e) {
                throw new SnapshotUnusableException("cannot set " + s.type.getSimpleName() + "." + f.getName(), e);
            }
        }
        return o;
    }

    private Object record() throws IOException, SnapshotUnusableException {
        Shape s = shape();
        if (s.kind != Shape.Kind.RECORD) {
            throw new SnapshotUnusableException(s.type.getName() + " is not a record shape");
        }
        int slot = objects.size();
        objects.add(PENDING);
        Object[] components = new Object[s.fields.length];
        for (int i = 0; i < components.length; i++) {
            components[i] = read(null);
        }
        try {
            Object r = s.newRecord(components);
            objects.set(slot, r);
            return r;
        } catch (ReflectiveOperationException | IllegalArgumentException e) {
            throw new SnapshotUnusableException("cannot rebuild record " + s.type.getName(), e);
        }
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    private Object container(Object existing) throws IOException, SnapshotUnusableException {
        Container kind;
        try {
            kind = Container.byCode(in.read());
        } catch (IllegalArgumentException e) {
            throw new SnapshotUnusableException(e.getMessage());
        }
        int size = in.length();
        boolean inPlace = kind.mutableType != null && existing != null && existing.getClass() == kind.mutableType;
        Object backing;
        if (inPlace) {
            backing = existing;
            if (kind.map) {
                ((Map) backing).clear();
            } else {
                ((Collection) backing).clear();
            }
        } else {
            backing = kind.newBacking(size);
        }
        int slot = objects.size();
        objects.add(kind.finishedIsBacking() ? backing : PENDING);
        if (kind.map) {
            Map m = (Map) backing;
            for (int i = 0; i < size; i++) {
                Object k = read(null);
                m.put(k, read(null));
            }
        } else {
            Collection c = (Collection) backing;
            for (int i = 0; i < size; i++) {
                c.add(read(null));
            }
        }
        Object done = kind.finish(backing);
        objects.set(slot, done);
        return done;
    }

    private Object array() throws IOException, SnapshotUnusableException {
        Shape s = shape();
        int n = in.length();
        Object arr = Array.newInstance(s.type.getComponentType(), n);
        objects.add(arr);
        for (int i = 0; i < n; i++) {
            try {
                Array.set(arr, i, read(null));
            } catch (IllegalArgumentException e) {
                throw new SnapshotUnusableException("cannot fill " + s.type.getName(), e);
            }
        }
        return arr;
    }
}
