package com.copyguard.core.model;

public enum Side {
    LONG, SHORT
}
