package com.copyguard.domain;

public enum MarginModeChoice {
    FOLLOW_EXPERT, CROSS, ISOLATED
}
