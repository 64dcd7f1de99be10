package com.copyguard.core.refusal;

import com.copyguard.core.model.ReasonCode;

/**
 * Every way an input is refused, so callers catch one thing: the input was refused as it stands
 * ({@link InputRefused}) or the rules could not decide it ({@link RuleFailure}). Either way nothing
 * changed. It carries a {@link RefusalCode}, never an HTTP status.
 */
public abstract sealed class Refusal extends RuntimeException permits InputRefused, RuleFailure {
    private final RefusalCode code;
    private final ReasonCode reason;

    Refusal(RefusalCode code, ReasonCode reason, String message, Throwable cause, boolean stackTrace) {
        super(message, cause, stackTrace, stackTrace);
        this.code = code;
        this.reason = reason;
    }

    public final RefusalCode code() {
        return code;
    }

    /** The rule's reason when a rule set's decision refused the input ({@link RefusalCode#REFUSED_BY_RULE}), else null. */
    public final ReasonCode reason() {
        return reason;
    }

    /** The machine-readable code clients see: the rule's reason for a rule's refusal, else the refusal code. */
    public final String errorCode() {
        return code == RefusalCode.REFUSED_BY_RULE ? String.valueOf(reason) : code.name();
    }
}
