package com.copyguard.api.security;

import java.util.Locale;

/**
 * How an operation confines a {@code follower} token ({@code x-follower-scope} in openapi.yaml).
 * Callers with another role the operation allows are not confined.
 */
public enum Scope {
    /** No follower confinement: the operation is public data, or followers may not call it. */
    NONE,
    /** The path parameter is the follower id and must be the token's. */
    FOLLOWER,
    /** The path parameter names a subscription that must belong to the token's follower. */
    SUBSCRIPTION,
    /** The path parameter names an account that must belong to the token's follower. */
    ACCOUNT,
    /** The body's {@code followerId} must be the token's. */
    BODY,
    /** List results are filtered to the token's follower; a filter naming someone else's data is refused. */
    FILTER;

    public static Scope of(String name) {
        return valueOf(name.toUpperCase(Locale.ROOT));
    }
}
