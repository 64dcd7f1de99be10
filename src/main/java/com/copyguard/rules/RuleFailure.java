package com.copyguard.rules;

/** The rules could not decide an input: a consequence threw, or firing did not terminate. */
public final class RuleFailure extends RuntimeException {
    private final String code;

    public RuleFailure(String code, String message, Throwable cause) {
        super(message, cause);
        this.code = code;
    }

    public String code() {
        return code;
    }
}
