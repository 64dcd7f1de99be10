package com.copyguard.core.model;

public enum FollowMode {
    SMART_RATIO, FIXED_MARGIN, MULTIPLIER
}
