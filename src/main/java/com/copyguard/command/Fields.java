package com.copyguard.command;

import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigDecimal;
import java.util.Locale;

/**
 * Reads typed fields out of a JSON object with exact decimals, turning every defect into a 400
 * that names the field. Decimals may be JSON numbers or strings; NaN, infinities and exponents
 * beyond reason are refused.
 */
public final class Fields {
    private static final int MAX_DECIMAL_CHARS = 40;
    private final JsonNode node;
    private final String prefix;

    private Fields(JsonNode node, String prefix) {
        this.node = node;
        this.prefix = prefix;
    }

    public static Fields of(JsonNode node) {
        return of(node, "");
    }

    public static Fields of(JsonNode node, String prefix) {
        if (node == null || !node.isObject()) {
            throw ApiException.invalid((prefix.isEmpty() ? "body" : prefix) + " must be a JSON object");
        }
        return new Fields(node, prefix);
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
            throw ApiException.invalid(path(name) + " must be a non-empty string");
        }
        String s = v.asText();
        if (s.length() > 128) {
            throw ApiException.invalid(path(name) + " must be at most 128 characters");
        }
        return s;
    }

    public String optionalText(String name) {
        return has(name) ? text(name) : null;
    }

    private JsonNode required(String name) {
        JsonNode v = node.get(name);
        if (v == null || v.isNull()) {
            throw ApiException.invalid(path(name) + " is required");
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
            throw ApiException.invalid(path(name) + " must be greater than 0");
        }
        return d;
    }

    public BigDecimal optionalPositive(String name) {
        return has(name) ? positive(name) : null;
    }

    public BigDecimal nonNegative(String name) {
        BigDecimal d = decimal(name);
        if (d.signum() < 0) {
            throw ApiException.invalid(path(name) + " must not be negative");
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
            throw ApiException.invalid(path(name) + " must be between " + min.toPlainString() + " and " + max.toPlainString());
        }
        return d;
    }

    public int integer(String name, int min, int max) {
        JsonNode v = required(name);
        if (!v.isIntegralNumber() || !v.canConvertToInt() || v.asInt() < min || v.asInt() > max) {
            throw ApiException.invalid(path(name) + " must be a whole number from " + min + " to " + max);
        }
        return v.asInt();
    }

    public long time(String name) {
        JsonNode v = required(name);
        if (!v.isIntegralNumber() || !v.canConvertToLong() || v.asLong() < 0) {
            throw ApiException.invalid(path(name) + " must be epoch milliseconds (a non-negative whole number)");
        }
        return v.asLong();
    }

    public boolean bool(String name, boolean fallback) {
        JsonNode v = node.get(name);
        if (v == null || v.isNull()) {
            return fallback;
        }
        if (!v.isBoolean()) {
            throw ApiException.invalid(path(name) + " must be true or false");
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
        throw ApiException.invalid(path(name) + " must be one of " + java.util.Arrays.toString(type.getEnumConstants()));
    }

    private BigDecimal toDecimal(String name, JsonNode v) {
        String text;
        if (v.isNumber()) {
            text = v.decimalValue().toPlainString();
        } else if (v.isTextual()) {
            text = v.asText().trim();
        } else {
            throw ApiException.invalid(path(name) + " must be a decimal number or a string holding one");
        }
        if (text.isEmpty() || text.length() > MAX_DECIMAL_CHARS || text.toLowerCase(Locale.ROOT).contains("e")
                || text.toLowerCase(Locale.ROOT).contains("n") || text.toLowerCase(Locale.ROOT).contains("i")) {
            throw ApiException.invalid(path(name) + " must be a finite decimal in plain notation, got '" + text + "'");
        }
        try {
            return new BigDecimal(text);
        } catch (NumberFormatException e) {
            throw ApiException.invalid(path(name) + " must be a decimal number, got '" + text + "'");
        }
    }
}
