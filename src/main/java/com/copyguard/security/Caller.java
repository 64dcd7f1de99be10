package com.copyguard.security;

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

    /** The role recorded in the journal as the one that sent an input: the strongest the caller holds. */
    public Role primaryRole() {
        return roles.stream().sorted((a, b) -> b.ordinal() - a.ordinal()).findFirst().orElseThrow();
    }
}
