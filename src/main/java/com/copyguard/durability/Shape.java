package com.copyguard.durability;

import com.copyguard.engine.EngineEvents;
import com.copyguard.rules.ActiveRules;
import com.copyguard.rules.RuleSet;
import java.lang.reflect.Constructor;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.lang.reflect.RecordComponent;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * How the state codec reads and writes one class, found by reflection once and cached. The
 * {@link #descriptor} (class, kind, field names and types) is stored with each snapshot: a
 * snapshot whose classes no longer have the same shape is not used, because objects are rebuilt
 * without running constructors and a field added since would be left null.
 *
 * <p>Fields that are not state are skipped: static and {@code transient} fields, and fields whose
 * declared type is wiring rather than data (the active rules, event listeners, Drools, Vert.x,
 * Micrometer, loggers, functional interfaces).
 */
final class Shape {
    enum Kind { OBJECT, RECORD, ENUM, TEXT_VALUE, ARRAY }

    private static final Map<Class<?>, Shape> CACHE = new ConcurrentHashMap<>();
    private static final List<String> WIRING_PACKAGES = List.of("org.kie.", "org.drools.", "io.vertx.",
            "io.micrometer.", "org.slf4j.", "ch.qos.logback.", "java.util.function.");

    final Class<?> type;
    final Kind kind;
    final Field[] fields;
    final String descriptor;
    private final Constructor<?> instantiator;
    private final Map<Object, String> constants;

    private Shape(Class<?> type, Kind kind, Field[] fields, Constructor<?> instantiator, Map<Object, String> constants) {
        this.type = type;
        this.kind = kind;
        this.fields = fields;
        this.instantiator = instantiator;
        this.constants = constants;
        StringBuilder d = new StringBuilder(type.getName()).append('|').append(kind);
        for (Field f : fields) {
            d.append('|').append(f.getName()).append(':').append(f.getType().getName());
        }
        this.descriptor = d.toString();
    }

    static Shape of(Class<?> type) {
        Shape s = CACHE.get(type);
        if (s == null) {
            s = build(type);
            CACHE.put(type, s);
        }
        return s;
    }

    private static boolean isWiring(Field f) {
        int m = f.getModifiers();
        if (Modifier.isStatic(m) || Modifier.isTransient(m)) {
            return true;
        }
        Class<?> t = f.getType();
        if (t == ActiveRules.class || t == RuleSet.class || EngineEvents.class.isAssignableFrom(t)
                || t == Thread.class || t == Class.class) {
            return true;
        }
        String name = t.getName();
        for (String p : WIRING_PACKAGES) {
            if (name.startsWith(p)) {
                return true;
            }
        }
        return false;
    }

    private static boolean isJdk(Class<?> c) {
        String n = c.getName();
        return n.startsWith("java.") || n.startsWith("javax.") || n.startsWith("jdk.") || n.startsWith("sun.")
                || n.startsWith("com.sun.");
    }

    private static Shape build(Class<?> type) {
        if (type.isArray()) {
            return new Shape(type, Kind.ARRAY, new Field[0], null, Map.of());
        }
        if (type.isEnum()) {
            return new Shape(type, Kind.ENUM, new Field[0], null, Map.of());
        }
        if (TextValues.supports(type)) {
            return new Shape(type, Kind.TEXT_VALUE, new Field[0], null, Map.of());
        }
        if (type.isHidden()) {
            throw new SnapshotEncodingException("a lambda or hidden class (" + type.getName()
                    + ") is not state; mark the field transient");
        }
        if (type.isRecord()) {
            RecordComponent[] rc = type.getRecordComponents();
            Field[] fields = new Field[rc.length];
            Class<?>[] types = new Class<?>[rc.length];
            try {
                for (int i = 0; i < rc.length; i++) {
                    fields[i] = type.getDeclaredField(rc[i].getName());
                    fields[i].setAccessible(true);
                    types[i] = rc[i].getType();
                }
                Constructor<?> canonical = type.getDeclaredConstructor(types);
                canonical.setAccessible(true);
                return new Shape(type, Kind.RECORD, fields, canonical, constantsOf(type));
            } catch (ReflectiveOperationException | RuntimeException e) {
                throw new SnapshotEncodingException("record " + type.getName() + " is not accessible: " + e);
            }
        }
        if (isJdk(type)) {
            throw new SnapshotEncodingException("unsupported JDK type " + type.getName());
        }
        List<Class<?>> chain = new ArrayList<>();
        for (Class<?> c = type; c != Object.class; c = c.getSuperclass()) {
            if (isJdk(c)) {
                throw new SnapshotEncodingException(type.getName() + " extends the JDK class " + c.getName()
                        + ", which the state codec cannot read into");
            }
            chain.add(0, c);
        }
        List<Field> fields = new ArrayList<>();
        try {
            for (Class<?> c : chain) {
                List<Field> own = new ArrayList<>();
                for (Field f : c.getDeclaredFields()) {
                    if (!isWiring(f)) {
                        f.setAccessible(true);
                        own.add(f);
                    }
                }
                own.sort(Comparator.comparing(Field::getName));
                fields.addAll(own);
            }
            return new Shape(type, Kind.OBJECT, fields.toArray(new Field[0]), serializationConstructor(type),
                    constantsOf(type));
        } catch (RuntimeException e) {
            throw new SnapshotEncodingException("class " + type.getName() + " is not accessible: " + e);
        }
    }

    /** A constructor that allocates {@code type} without running any of its constructors. */
    @SuppressWarnings("removal")
    private static Constructor<?> serializationConstructor(Class<?> type) {
        try {
            Constructor<?> c = sun.reflect.ReflectionFactory.getReflectionFactory()
                    .newConstructorForSerialization(type, Object.class.getDeclaredConstructor());
            c.setAccessible(true);
            return c;
        } catch (NoSuchMethodException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Shared instances held in static final fields of the class (e.g. DEFAULTS): kept identical on restore. */
    private static Map<Object, String> constantsOf(Class<?> type) {
        Map<Object, String> out = new IdentityHashMap<>();
        for (Field f : type.getDeclaredFields()) {
            int m = f.getModifiers();
            if (Modifier.isStatic(m) && Modifier.isFinal(m) && type.isAssignableFrom(f.getType())) {
                try {
                    f.setAccessible(true);
                    Object v = f.get(null);
                    if (v != null) {
                        out.putIfAbsent(v, f.getName());
                    }
                } catch (ReflectiveOperationException | RuntimeException e) {
                    // an inaccessible constant is simply written as a value
                }
            }
        }
        return out;
    }

    Object newInstance() throws ReflectiveOperationException {
        return instantiator.newInstance();
    }

    Object newRecord(Object[] components) throws ReflectiveOperationException {
        return instantiator.newInstance(components);
    }

    /** The name of the static constant {@code value} is, or null. */
    String constantName(Object value) {
        return constants.isEmpty() ? null : constants.get(value);
    }

    Object constant(String name) throws ReflectiveOperationException {
        Field f = type.getDeclaredField(name);
        f.setAccessible(true);
        return f.get(null);
    }
}
