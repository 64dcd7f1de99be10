package com.copyguard.core.refusal;

/** The rules could not decide an input: a consequence threw, or firing did not terminate. */
public final class RuleFailure extends Refusal {

    public RuleFailure(RefusalCode code, String message, Throwable cause) {
        super(code, null, message, cause, true);
    }
}
