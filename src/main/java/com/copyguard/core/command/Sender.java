package com.copyguard.core.command;

/**
 * Who sent a journaled input: the token's subject and the role it acted in. Journaled with the
 * input (absent in journals written before authentication existed) and shown where a person asks
 * "who did this?".
 */
public record Sender(String subject, String role) {
}
