package com.copyguard.core.engine;

/** GET /health: up, and the rule set in force. */
public record HealthView(String status, String ruleSet) {
}
