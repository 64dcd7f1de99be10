package com.copyguard.api.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.vertx.core.Vertx;
import io.vertx.openapi.contract.OpenAPIContract;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * Fails the build as early as the unit tests when an operation of openapi.yaml has no access
 * declaration, and pins how a declaration reads.
 */
class AccessDeclarationsTest {

    @Test
    void everyOperationOfTheContractDeclaresItsRoles() {
        Vertx vertx = Vertx.vertx();
        try {
            OpenAPIContract contract = OpenAPIContract.from(vertx, "openapi.yaml").await();
            AccessPolicy policy = new AccessPolicy(contract);
            assertThat(policy.operations()).hasSameSizeAs(contract.operations());
            assertThat(policy.operations().get("healthLive").open()).isTrue();
            assertThat(policy.operations().get("metrics").roles()).containsExactly(Role.METRICS);
            assertThat(policy.operations().get("activateRules").roles()).containsExactly(Role.ADMIN);
            assertThat(policy.extraRoutes()).extracting(AccessPolicy.ExtraRoute::path).contains("/openapi.yaml", "/console", "/docs");
            policy.operations().values().stream().filter(r -> !r.open())
                    .forEach(r -> assertThat(r.roles()).as(r.name()).isNotEmpty());
        } finally {
            vertx.close();
        }
    }

    @Test
    void aMissingOrUnclearDeclarationIsRefused() {
        assertThatThrownBy(() -> AccessRule.declared("newOp", Map.of())).hasMessageContaining("newOp declares no x-roles");
        assertThatThrownBy(() -> AccessRule.declared("newOp", Map.of("x-roles", List.of("followers"))))
                .hasMessageContaining("unknown role 'followers'");
        assertThatThrownBy(() -> AccessRule.declared("newOp", Map.of("x-roles", List.of("follower"))))
                .hasMessageContaining("no x-follower-scope");
        assertThatThrownBy(() -> AccessRule.declared("newOp", Map.of("x-roles", List.of())))
                .hasMessageContaining("empty x-roles");
    }

    @Test
    void followerScopeAppliesOnlyToCallersLetInAsFollowers() {
        AccessRule rule = AccessRule.declared("getAccount", Map.of("x-roles", List.of("follower", "desk"),
                "x-follower-scope", "account"));
        assertThat(rule.confines(Set.of(Role.FOLLOWER))).isTrue();
        assertThat(rule.confines(Set.of(Role.FOLLOWER, Role.DESK))).isFalse();
        assertThat(rule.confines(Set.of(Role.FOLLOWER, Role.FEED))).isTrue();
        assertThat(rule.allows(Set.of(Role.ADMIN))).isTrue();
        assertThat(rule.allows(Set.of(Role.FEED))).isFalse();
    }
}
