package com.copyguard.core.model;

public enum Outcome {
    PENDING, COPIED, REJECTED
}
