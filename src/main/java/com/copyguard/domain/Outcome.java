package com.copyguard.domain;

public enum Outcome {
    PENDING, COPIED, REJECTED
}
