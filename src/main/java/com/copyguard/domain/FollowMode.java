package com.copyguard.domain;

public enum FollowMode {
    SMART_RATIO, FIXED_MARGIN, MULTIPLIER
}
