package com.copyguard.core.model;

/**
 * Why a copy was rejected or shrunk, or why a risk action was taken (SPEC.md). Rules set these;
 * Java only reports them.
 */
public enum ReasonCode {
    PARTIAL_FILL_NOT_COPIED,
    BELOW_MIN_QTY,
    MAX_MARGIN_PER_ORDER,
    MAX_MARGIN_PER_PAIR,
    MAX_POSITION_VALUE,
    INSUFFICIENT_BALANCE,
    EXPERT_EQUITY_UNKNOWN,
    SLIPPAGE_EXCEEDED,
    PAIR_NOT_FOLLOWED,
    EXPERT_FREQUENCY_LIMIT,
    /** An expert open older than the service's clock by more than the rule set's signal window. */
    SIGNAL_EXPIRED,
    TOKEN_LIMIT,
    NOT_ACTIVE,
    MANUAL_CLOSE,
    STOP_FOLLOWING,
    STOP_LOSS,
    TAKE_PROFIT,
    GUARDIAN_NET_LOSS,
    GUARDIAN_NET_VALUE,
    LIQUIDATION,
    /** The follower paused copying: no new opens (closes, SL/TP, manual closes and margin changes go on). */
    PAUSED,
    /** A loss limit of the current UTC+8 day, week or month was reached: no new opens until it ends. */
    LOSS_LIMIT,
    /** Trailing drawdown guard: equity fell more than the ratio below its flow-adjusted peak. */
    GUARDIAN_DRAWDOWN,
    /** A follow beyond the expert's maxFollowers. */
    EXPERT_FULL,
    /** A margin change on a position that is not isolated. */
    MARGIN_NOT_ISOLATED,
    /** A margin removal that would leave less than the initial margin at the current mark. */
    MARGIN_BELOW_INITIAL,
    /** The active rule set left a copy undecided: a defect in the rules, reported, never guessed. */
    NO_RULE_DECIDED
}
