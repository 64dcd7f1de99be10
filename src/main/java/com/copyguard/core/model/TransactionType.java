package com.copyguard.core.model;

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
    TRANSFER_OUT,
    /** Margin moved from available into an isolated position: a record that moves no balance. */
    MARGIN_ADDED,
    /** Margin moved from an isolated position back to available: a record that moves no balance. */
    MARGIN_REMOVED;

    /** False for the records that only reserve or ring-fence money inside the balance. */
    public boolean movesBalance() {
        return this != FREEZE_DEDUCTION && this != FREEZE_REFUND && this != MARGIN_ADDED && this != MARGIN_REMOVED;
    }
}
