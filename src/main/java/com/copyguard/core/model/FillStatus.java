package com.copyguard.core.model;

public enum FillStatus {
    FILLED, PARTIALLY_FILLED_CANCELED
}
