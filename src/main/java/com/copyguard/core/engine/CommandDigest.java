package com.copyguard.core.engine;

import com.copyguard.core.command.Command;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.RecordComponent;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * The digest an idempotency key is bound to: the first 16 bytes of the SHA-256 of a command's
 * canonical text, built from its record components (decimals in plain notation with their scale,
 * maps by key, sets sorted), so the same input always gives the same digest whatever built it.
 */
final class CommandDigest {
    private static final int BYTES = 16;

    private CommandDigest() {
    }

    static byte[] of(Command command) {
        try {
            byte[] full = MessageDigest.getInstance("SHA-256")
                    .digest(canonical(command).getBytes(StandardCharsets.UTF_8));
            return Arrays.copyOf(full, BYTES);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The canonical text of {@code value}; records name their type so two kinds never collide. */
    static String canonical(Object value) {
        StringBuilder out = new StringBuilder();
        append(out, value);
        return out.toString();
    }

    private static void append(StringBuilder out, Object value) {
        if (value == null) {
            out.append("null");
        } else if (value instanceof Record r) {
            out.append(r.getClass().getName()).append('{');
            for (RecordComponent c : r.getClass().getRecordComponents()) {
                out.append(c.getName()).append('=');
                append(out, component(r, c));
                out.append(';');
            }
            out.append('}');
        } else if (value instanceof BigDecimal d) {
            out.append(d.toPlainString());
        } else if (value instanceof Enum<?> e) {
            out.append(e.name());
        } else if (value instanceof Map<?, ?> m) {
            Map<String, Object> byKey = new TreeMap<>();
            m.forEach((k, v) -> byKey.put(canonical(k), v));
            out.append('{');
            byKey.forEach((k, v) -> {
                out.append(k).append('=');
                append(out, v);
                out.append(';');
            });
            out.append('}');
        } else if (value instanceof Collection<?> c) {
            List<String> items = new ArrayList<>(c.size());
            c.forEach(item -> items.add(canonical(item)));
            if (value instanceof Set<?>) {
                items.sort(null);
            }
            out.append('[').append(String.join(",", items)).append(']');
        } else if (value instanceof CharSequence s) {
            out.append('"').append(s.toString().replace("\\", "\\\\").replace("\"", "\\\"")).append('"');
        } else {
            // numbers, booleans, and values that print themselves deterministically (a JSON patch)
            out.append(value);
        }
    }

    private static Object component(Record r, RecordComponent c) {
        try {
            return c.getAccessor().invoke(r);
        } catch (IllegalAccessException | InvocationTargetException e) {
            throw new IllegalStateException("cannot read " + r.getClass().getSimpleName() + "." + c.getName(), e);
        }
    }
}
