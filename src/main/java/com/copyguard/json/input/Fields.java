package com.copyguard.json.input;

import com.copyguard.core.refusal.InputRefused;
import com.copyguard.core.refusal.RefusalCode;
import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigDecimal;
import java.util.Locale;

/**
 * Reads typed fields out of a JSON object with exact decimals, turning every defect into a 400
 * that names the field. The bounds come from the object's schema in openapi.yaml ({@link InputSchema}):
 * unknown fields, decimal places ({@code x-scale}), integer digits ({@code x-integer-digits}), integer
 * ranges and string lengths. Decimals may be JSON numbers or strings in plain notation; their size is
 * checked before any arithmetic or formatting, so {@code 1e999999999} costs nothing.
 */
public final class Fields {
    /** Bounds for a field whose schema states none (the contract states them for every request field). */
    private static final int DEFAULT_SCALE = 12;
    private static final int DEFAULT_INTEGER_DIGITS = 15;
    private static final int DEFAULT_MAX_TEXT = 128;
    private static final int MAX_DECIMAL_CHARS = 40;
    private static final java.util.regex.Pattern PLAIN_DECIMAL = java.util.regex.Pattern.compile("-?[0-9]+(\\.[0-9]+)?");
    private final JsonNode node;
    private final String prefix;
    private final InputSchema schema;

    private Fields(JsonNode node, String prefix, InputSchema schema) {
        this.node = node;
        this.prefix = prefix;
        this.schema = schema;
    }

    /** The body, read with the bounds of {@code components.schemas.<schemaName>}. */
    public static Fields of(JsonNode node, String schemaName) {
        return of(node, InputSchema.named(schemaName), "");
    }

    /** A (nested) object read with {@code schema}'s bounds; {@code prefix} names it in messages. */
    public static Fields of(JsonNode node, InputSchema schema, String prefix) {
        if (node == null || !node.isObject()) {
            throw InputRefused.invalid((prefix.isEmpty() ? "body" : prefix) + " must be a JSON object");
        }
        if (schema.closed()) {
            for (java.util.Iterator<String> it = node.fieldNames(); it.hasNext(); ) {
                String name = it.next();
                if (!schema.properties().contains(name)) {
                    throw new InputRefused(RefusalCode.UNKNOWN_FIELD, (prefix.isEmpty() ? "" : prefix + ".")
                            + InputRefused.quote(name) + " is not a field of this request; known: "
                            + new java.util.TreeSet<>(schema.properties()));
                }
            }
        }
        return new Fields(node, prefix, schema);
    }

    public InputSchema schema() {
        return schema;
    }

    /** The nested object {@code name}, read with the bounds of its own schema. */
    public Fields object(String name) {
        return of(node.get(name), schema.nested(name), path(name));
    }

    public JsonNode raw() {
        return node;
    }

    public boolean has(String name) {
        JsonNode v = node.get(name);
        return v != null && !v.isNull();
    }

    public JsonNode node(String name) {
        return node.get(name);
    }

    private String path(String name) {
        return prefix.isEmpty() ? name : prefix + "." + name;
    }

    public String text(String name) {
        JsonNode v = required(name);
        if (!v.isTextual() || v.asText().isBlank()) {
            throw InputRefused.invalid(path(name) + " must be a non-empty string");
        }
        String s = v.asText();
        long max = schema.number(name, "maxLength", DEFAULT_MAX_TEXT);
        if (s.length() > max) {
            throw InputRefused.invalid(path(name) + " must be at most " + max + " characters, got "
                    + InputRefused.quote(s));
        }
        return s;
    }

    public String optionalText(String name) {
        return has(name) ? text(name) : null;
    }

    private JsonNode required(String name) {
        JsonNode v = node.get(name);
        if (v == null || v.isNull()) {
            throw InputRefused.invalid(path(name) + " is required");
        }
        return v;
    }

    public BigDecimal decimal(String name) {
        return toDecimal(name, required(name));
    }

    public BigDecimal optionalDecimal(String name) {
        return has(name) ? decimal(name) : null;
    }

    public BigDecimal positive(String name) {
        BigDecimal d = decimal(name);
        if (d.signum() <= 0) {
            throw InputRefused.invalid(path(name) + " must be greater than 0");
        }
        return d;
    }

    public BigDecimal optionalPositive(String name) {
        return has(name) ? positive(name) : null;
    }

    public BigDecimal nonNegative(String name) {
        BigDecimal d = decimal(name);
        if (d.signum() < 0) {
            throw InputRefused.invalid(path(name) + " must not be negative");
        }
        return d;
    }

    public BigDecimal optionalNonNegative(String name) {
        return has(name) ? nonNegative(name) : null;
    }

    /** A decimal in [min, max], both inclusive. */
    public BigDecimal within(String name, BigDecimal min, BigDecimal max) {
        BigDecimal d = decimal(name);
        if (d.compareTo(min) < 0 || d.compareTo(max) > 0) {
            throw InputRefused.invalid(path(name) + " must be between " + min.toPlainString() + " and " + max.toPlainString());
        }
        return d;
    }

    /** A whole number within the field's {@code minimum} and {@code maximum} in the schema. */
    public int integer(String name) {
        return integer(name, (int) schema.number(name, "minimum", Integer.MIN_VALUE),
                (int) schema.number(name, "maximum", Integer.MAX_VALUE));
    }

    private int integer(String name, int min, int max) {
        JsonNode v = required(name);
        if (!v.isIntegralNumber() || !v.canConvertToInt() || v.asInt() < min || v.asInt() > max) {
            throw InputRefused.invalid(path(name) + " must be a whole number from " + min + " to " + max);
        }
        return v.asInt();
    }

    public long time(String name) {
        JsonNode v = required(name);
        long max = schema.number(name, "maximum", Long.MAX_VALUE);
        if (!v.isIntegralNumber() || !v.canConvertToLong() || v.asLong() < 0 || v.asLong() > max) {
            throw InputRefused.invalid(path(name) + " must be epoch milliseconds, a whole number from 0 to " + max);
        }
        return v.asLong();
    }

    public boolean bool(String name, boolean fallback) {
        JsonNode v = node.get(name);
        if (v == null || v.isNull()) {
            return fallback;
        }
        if (!v.isBoolean()) {
            throw InputRefused.invalid(path(name) + " must be true or false");
        }
        return v.asBoolean();
    }

    public <E extends Enum<E>> E enumValue(String name, Class<E> type) {
        JsonNode v = required(name);
        if (v.isTextual()) {
            for (E e : type.getEnumConstants()) {
                if (e.name().equals(v.asText())) {
                    return e;
                }
            }
        }
        throw InputRefused.invalid(path(name) + " must be one of " + java.util.Arrays.toString(type.getEnumConstants()));
    }

    private BigDecimal toDecimal(String name, JsonNode v) {
        BigDecimal d;
        if (v.isNumber()) {
            d = v.decimalValue();
        } else if (v.isTextual()) {
            String text = v.asText().trim();
            if (text.length() > MAX_DECIMAL_CHARS || !PLAIN_DECIMAL.matcher(text).matches()) {
                throw InputRefused.invalid(path(name) + " must be a decimal in plain notation, got " + InputRefused.quote(text));
            }
            d = new BigDecimal(text);
        } else {
            throw InputRefused.invalid(path(name) + " must be a decimal number or a string holding one");
        }
        // Checked on the unscaled digits and the exponent only: nothing here expands 1e999999999.
        BigDecimal significant = d.signum() == 0 ? BigDecimal.ZERO : d.stripTrailingZeros();
        long maxScale = schema.number(name, "x-scale", DEFAULT_SCALE);
        long maxDigits = schema.number(name, "x-integer-digits", DEFAULT_INTEGER_DIGITS);
        if (significant.scale() > maxScale) {
            throw InputRefused.invalid(path(name) + " may have at most " + maxScale + " decimal places");
        }
        if ((long) significant.precision() - significant.scale() > maxDigits) {
            throw InputRefused.invalid(path(name) + " may have at most " + maxDigits + " digits before the decimal point");
        }
        return significant.scale() < 0 ? significant.setScale(0) : d;
    }
}
