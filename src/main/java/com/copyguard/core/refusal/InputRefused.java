package com.copyguard.core.refusal;

import com.copyguard.core.model.ReasonCode;

/** An input refused as it stands, with a machine-readable code; nothing was changed. */
public final class InputRefused extends Refusal {

    public InputRefused(RefusalCode code, String message) {
        super(code, null, message, null, false);
    }

    private InputRefused(ReasonCode reason, String message) {
        super(RefusalCode.REFUSED_BY_RULE, reason, message, null, false);
    }

    /** The longest prefix of a client's value that a message quotes: error replies stay small. */
    public static final int QUOTE_LIMIT = 32;

    /** {@code value} in quotes, cut to {@link #QUOTE_LIMIT} characters with its full length said. */
    public static String quote(String value) {
        if (value == null) {
            return "null";
        }
        if (value.length() <= QUOTE_LIMIT) {
            return "'" + value + "'";
        }
        return "'" + value.substring(0, QUOTE_LIMIT) + "...' (" + value.length() + " characters)";
    }

    public static InputRefused invalid(String message) {
        return new InputRefused(RefusalCode.INVALID_FIELD, message);
    }

    public static InputRefused notFound(String what, String id) {
        return new InputRefused(RefusalCode.NOT_FOUND, what + " '" + id + "' does not exist");
    }

    /** A rule set decided to refuse the input with {@code reason} (e.g. a follow beyond the expert's capacity). */
    public static InputRefused byRule(ReasonCode reason, String message) {
        return new InputRefused(reason, message);
    }
}
