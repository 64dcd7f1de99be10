package com.copyguard.core.model;

public enum MarginModeChoice {
    FOLLOW_EXPERT, CROSS, ISOLATED
}
