package com.copyguard.domain;

public enum MarginMode {
    CROSS, ISOLATED
}
