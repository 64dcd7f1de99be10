package com.copyguard.domain;

public enum FillStatus {
    FILLED, PARTIALLY_FILLED_CANCELED
}
