package com.copyguard.engine;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * The answer to an input: HTTP status and JSON body. {@code changed} tells the writer whether the
 * input altered state and therefore belongs in the journal.
 */
public record Reply(int status, JsonNode body, boolean changed) {
    public static Reply changed(int status, JsonNode body) {
        return new Reply(status, body, true);
    }

    public static Reply unchanged(JsonNode body) {
        return new Reply(200, body, false);
    }
}
