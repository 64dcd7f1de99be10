package com.copyguard.domain;

public enum SubscriptionStatus {
    ACTIVE, CLOSING, INTERRUPTED, STOPPED
}
