package com.copyguard.domain;

public enum LeverageMode {
    FOLLOW_EXPERT, FIXED, CUSTOM
}
