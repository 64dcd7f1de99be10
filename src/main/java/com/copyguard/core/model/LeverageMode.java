package com.copyguard.core.model;

public enum LeverageMode {
    FOLLOW_EXPERT, FIXED, CUSTOM
}
