package com.copyguard.core.rules;

import java.util.List;

/** A rule set that does not compile, with the compiler's messages. */
public final class RuleCompilationException extends Exception {
    private final List<String> messages;

    public RuleCompilationException(String version, List<String> messages) {
        super("rule set " + version + " does not compile: " + String.join("; ", messages));
        this.messages = List.copyOf(messages);
    }

    public List<String> messages() {
        return messages;
    }
}
