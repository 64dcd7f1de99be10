package com.copyguard.api.security;

import java.util.Locale;

/** Who may do what (SPEC "Who may do what"); {@code admin} may call everything. Names as tokens and openapi.yaml spell them. */
public enum Role {
    FEED, FOLLOWER, DESK, RULES_AUTHOR, RULES_ADMIN, METRICS, ADMIN;

    /** The name in tokens and openapi.yaml: {@code rules-author}. */
    public String wireName() {
        return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    /** The role a wire name denotes; IllegalArgumentException for anything else. */
    public static Role of(String wireName) {
        for (Role r : values()) {
            if (r.wireName().equals(wireName)) {
                return r;
            }
        }
        throw new IllegalArgumentException("unknown role '" + wireName + "' (one of feed, follower, desk, "
                + "rules-author, rules-admin, metrics, admin)");
    }
}
