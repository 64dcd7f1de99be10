package com.copyguard.api.security;

import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Who may call one operation, as openapi.yaml declares it: {@code x-roles} (admin always may),
 * {@code x-follower-scope}, and {@code x-public: true} for the few routes anyone may call.
 */
public record AccessRule(String name, boolean open, Set<Role> roles, Scope scope) {

    public AccessRule {
        roles = roles.isEmpty() ? Set.of() : Set.copyOf(EnumSet.copyOf(roles));
    }

    /** The rule declared by an operation's (or route's) extensions; refuses a declaration that is missing or unclear. */
    public static AccessRule declared(String name, Map<String, Object> extensions) {
        Object roles = extensions.get("x-roles");
        boolean open = Boolean.TRUE.equals(extensions.get("x-public"));
        if (!(roles instanceof Iterable<?> list)) {
            throw new IllegalStateException(name + " declares no x-roles list: every operation must say who may call it");
        }
        EnumSet<Role> set = EnumSet.noneOf(Role.class);
        for (Object r : list) {
            set.add(Role.of(String.valueOf(r)));
        }
        if (!open && set.isEmpty()) {
            throw new IllegalStateException(name + " has an empty x-roles without x-public: true");
        }
        Object scope = extensions.get("x-follower-scope");
        if (set.contains(Role.FOLLOWER) && scope == null) {
            throw new IllegalStateException(name + " lets followers in but declares no x-follower-scope");
        }
        return new AccessRule(name, open, set, scope == null ? Scope.NONE : Scope.of(String.valueOf(scope)));
    }

    /** Whether a caller holding {@code held} may call the operation at all (before any follower confinement). */
    public boolean allows(Set<Role> held) {
        return open || held.contains(Role.ADMIN) || held.stream().anyMatch(roles::contains);
    }

    /**
     * Whether the caller gets in only through its {@code follower} role, so the follower scope applies:
     * a desk or admin token that also names a follower is not confined.
     */
    public boolean confines(Set<Role> held) {
        return !open && !held.contains(Role.ADMIN) && held.contains(Role.FOLLOWER) && roles.contains(Role.FOLLOWER)
                && held.stream().noneMatch(r -> r != Role.FOLLOWER && roles.contains(r));
    }

    /** The role a caller acts in on this operation: one the declaration names, else admin. */
    public Role actingRole(Set<Role> held) {
        return held.stream().filter(roles::contains).sorted().findFirst().orElse(Role.ADMIN);
    }

    /** The roles that may call the operation, admin included, in wire names. */
    public List<String> roleNames() {
        EnumSet<Role> all = roles.isEmpty() ? EnumSet.noneOf(Role.class) : EnumSet.copyOf(roles);
        all.add(Role.ADMIN);
        return all.stream().map(Role::wireName).toList();
    }
}
