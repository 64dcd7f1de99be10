package com.copyguard.api;

import com.copyguard.core.refusal.RefusalCode;

/** The HTTP status of each refusal: decided here, at the edge, and nowhere in the core. */
public final class RefusalStatus {
    private RefusalStatus() {
    }

    /** A switch without default: a new refusal code does not compile until it has a status. */
    public static int of(RefusalCode code) {
        return switch (code) {
            case INVALID_FIELD, INVALID_PARAMETER, INVALID_CURSOR, UNKNOWN_FIELD, UNKNOWN_PARAMETER, UNKNOWN_INSTRUMENT,
                 LEVERAGE_ABOVE_MAX, MALFORMED_JSON, TIME_OUT_OF_RANGE, TIME_AHEAD_OF_WALL_CLOCK -> 400;
            case SELF_APPROVAL -> 403;
            case NOT_FOUND, NO_OPEN_POSITION, NO_SHADOW_RUN -> 404;
            case ACCOUNT_CLOSED, ALREADY_CLOSING, ALREADY_FOLLOWING, ALREADY_PAUSED, ALREADY_STOPPED,
                 BELOW_MIN_FOLLOW_AMOUNT, CLOCK_JUMP_TOO_LARGE, CLOSE_EXCEEDS_POSITION, EQUITY_OUT_OF_ORDER, EXPERT_AVOID,
                 FILL_OUT_OF_ORDER, IDEMPOTENCY_KEY_REUSED, NOT_ACTIVE, NOT_PAUSED, PROPOSAL_DECIDED, PROPOSAL_STALE,
                 TOO_MANY_PROPOSALS, REFUSED_BY_RULE -> 409;
            case EVENTS_GONE -> 410;
            case RULES_INVALID -> 422;
            case RULE_FAILED, RULE_RUNAWAY, NO_SCREENING_VERDICT, INTERNAL_ERROR -> 500;
            case JOURNAL_FAILED, SHUTTING_DOWN, TOO_MANY_STREAMS -> 503;
        };
    }
}
