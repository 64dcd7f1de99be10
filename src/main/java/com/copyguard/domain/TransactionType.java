package com.copyguard.domain;

/** Every movement of money in a following account (SPEC.md "Money"). */
public enum TransactionType {
    DEPOSIT,
    WITHDRAWAL,
    REALIZED_PNL,
    FEE,
    PROFIT_SHARE,
    FREEZE_DEDUCTION,
    FREEZE_REFUND,
    LOAN_INTEREST,
    LIQUIDATION,
    /** The platform's insurance fund covering a liquidation's loss beyond what the account held. */
    INSURANCE_COVER,
    TRANSFER_OUT
}
