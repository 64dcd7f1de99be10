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
    TRANSFER_OUT
}
