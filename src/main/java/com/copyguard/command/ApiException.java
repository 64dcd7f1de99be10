package com.copyguard.command;

/** A request refused with an HTTP status and a machine-readable error code; nothing was changed. */
public final class ApiException extends RuntimeException {
    private final int status;
    private final String code;

    public ApiException(int status, String code, String message) {
        super(message, null, false, false);
        this.status = status;
        this.code = code;
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

    public static ApiException invalid(String message) {
        return new ApiException(400, "INVALID_FIELD", message);
    }

    public static ApiException notFound(String what, String id) {
        return new ApiException(404, "NOT_FOUND", what + " '" + id + "' does not exist");
    }

    public static ApiException conflict(String code, String message) {
        return new ApiException(409, code, message);
    }

    public int status() {
        return status;
    }

    public String code() {
        return code;
    }
}
