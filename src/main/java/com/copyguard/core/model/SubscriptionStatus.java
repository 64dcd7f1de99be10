package com.copyguard.core.model;

public enum SubscriptionStatus {
    ACTIVE, CLOSING, INTERRUPTED, STOPPED,
    /** The follower paused copying: no new opens; everything else goes on; every setting is kept. */
    PAUSED
}
