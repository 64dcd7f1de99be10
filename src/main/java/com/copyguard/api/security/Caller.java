package com.copyguard.api.security;

import java.util.Set;

/**
 * The authenticated sender of a request: the token's subject, its roles and, for a {@code follower}
 * token, the follower id it is bound to (null otherwise).
 */
public record Caller(String subject, Set<Role> roles, String followerId) {

    public Caller {
        roles = Set.copyOf(roles);
    }

    public boolean has(Role role) {
        return roles.contains(role);
    }


}
