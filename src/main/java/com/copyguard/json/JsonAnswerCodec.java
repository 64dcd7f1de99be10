package com.copyguard.json;

import com.copyguard.core.engine.AnswerCodec;
import com.copyguard.core.engine.Result;
import com.copyguard.json.Json;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;

/**
 * First answers kept as the JSON the API gave them as, so a repeat gets the same bytes. A summary
 * keeps the answer's scalar fields (for a fill: its id and copied and rejected counts) and its
 * fan-out summaries (small: counts by outcome and reason, the cursor to the records) and says it
 * is one ({@code "summary": true}). Installed for engines built without a codec (META-INF/services).
 */
public final class JsonAnswerCodec implements AnswerCodec {
    @Override
    public byte[] encode(Result result) {
        return ApiJson.bytes(result);
    }

    @Override
    public byte[] summary(byte[] full) {
        try {
            JsonNode answer = Json.MAPPER.readTree(full);
            ObjectNode summary = Json.object();
            answer.fieldNames().forEachRemaining(f -> {
                if (!answer.get(f).isContainerNode() || f.endsWith("Summary")) {
                    summary.set(f, answer.get(f));
                }
            });
            summary.put("summary", true);
            return Json.MAPPER.writeValueAsBytes(summary);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
