package com.copyguard.core.refusal;

/**
 * Why an input or request was refused. The core names the reason; the edge alone turns it into an
 * HTTP status (server/RefusalStatus), so a new code is a compile error there until it has one.
 */
public enum RefusalCode {
    // the input is malformed or names something that cannot be
    INVALID_FIELD,
    INVALID_PARAMETER,
    INVALID_CURSOR,
    UNKNOWN_FIELD,
    UNKNOWN_PARAMETER,
    UNKNOWN_INSTRUMENT,
    LEVERAGE_ABOVE_MAX,
    MALFORMED_JSON,
    TIME_OUT_OF_RANGE,
    TIME_AHEAD_OF_WALL_CLOCK,
    // what the input names does not exist
    NOT_FOUND,
    NO_OPEN_POSITION,
    NO_SHADOW_RUN,
    // the input contradicts the state: a business rule of the engine refuses it
    ACCOUNT_CLOSED,
    ALREADY_CLOSING,
    ALREADY_FOLLOWING,
    ALREADY_PAUSED,
    ALREADY_STOPPED,
    BELOW_MIN_FOLLOW_AMOUNT,
    CLOCK_JUMP_TOO_LARGE,
    CLOSE_EXCEEDS_POSITION,
    EQUITY_OUT_OF_ORDER,
    EXPERT_AVOID,
    FILL_OUT_OF_ORDER,
    IDEMPOTENCY_KEY_REUSED,
    NOT_ACTIVE,
    NOT_PAUSED,
    PROPOSAL_DECIDED,
    PROPOSAL_STALE,
    TOO_MANY_PROPOSALS,
    /** A rule set's decision refused the input; the refusal carries the rule's {@code ReasonCode}. */
    REFUSED_BY_RULE,
    // who asks may not
    SELF_APPROVAL,
    // a live event stream's position is no longer kept
    EVENTS_GONE,
    // a rule set that does not compile
    RULES_INVALID,
    // the rules could not decide
    RULE_FAILED,
    RULE_RUNAWAY,
    NO_SCREENING_VERDICT,
    // the service cannot take the input now
    JOURNAL_FAILED,
    SHUTTING_DOWN,
    TOO_MANY_STREAMS,
    INTERNAL_ERROR
}
