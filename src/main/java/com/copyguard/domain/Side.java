package com.copyguard.domain;

public enum Side {
    LONG, SHORT
}
