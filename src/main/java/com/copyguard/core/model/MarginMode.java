package com.copyguard.core.model;

public enum MarginMode {
    CROSS, ISOLATED
}
