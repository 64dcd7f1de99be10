package com.copyguard.json;

import com.copyguard.core.engine.ExpertMarginResult;
import com.copyguard.core.engine.FanOutSummary;
import com.copyguard.core.engine.FillResult;
import com.copyguard.core.engine.PricesResult;
import com.copyguard.core.paging.Cursor;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.SerializerProvider;
import com.fasterxml.jackson.databind.ser.std.StdSerializer;
import java.io.IOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;

/**
 * The replies of fan-outs (a fill, prices, an expert margin change): their first pages and summaries, each
 * summary with the cursor and the list request that continue after the first page (contract:
 * {@code FillReply}, {@code PricesReply}, {@code ExpertMarginReply}, {@code FanOutSummary} in openapi.yaml).
 */
final class FanOutShapes {
    private FanOutShapes() {
    }

    static final class FillReply extends StdSerializer<FillResult> {
        FillReply() {
            super(FillResult.class);
        }

        @Override
        public void serialize(FillResult r, JsonGenerator gen, SerializerProvider provider) throws IOException {
            gen.writeStartObject();
            gen.writeStringField("fillId", r.fillId());
            gen.writeNumberField("copied", r.copied());
            gen.writeNumberField("rejected", r.rejected());
            field(gen, provider, "decisions", r.decisions());
            field(gen, provider, "riskActions", r.riskActions());
            summary(gen, "decisionSummary", r.decisionSummary(),
                    "/decisions?expertId=" + query(r.expertId()) + "&fillId=" + query(r.fillId()));
            summary(gen, "riskActionSummary", r.riskActionSummary(), "/risk-actions?cause=" + query(r.fillId()));
            gen.writeEndObject();
        }
    }

    static final class PricesReply extends StdSerializer<PricesResult> {
        PricesReply() {
            super(PricesResult.class);
        }

        @Override
        public void serialize(PricesResult r, JsonGenerator gen, SerializerProvider provider) throws IOException {
            gen.writeStartObject();
            field(gen, provider, "riskActions", r.riskActions());
            summary(gen, "riskActionSummary", r.riskActionSummary(), "/risk-actions?cause=" + query(r.ref()));
            gen.writeEndObject();
        }
    }

    static final class ExpertMarginReply extends StdSerializer<ExpertMarginResult> {
        ExpertMarginReply() {
            super(ExpertMarginResult.class);
        }

        @Override
        public void serialize(ExpertMarginResult r, JsonGenerator gen, SerializerProvider provider) throws IOException {
            gen.writeStartObject();
            gen.writeStringField("expertId", r.expertId());
            gen.writeStringField("symbol", r.symbol());
            field(gen, provider, "side", r.side());
            field(gen, provider, "amount", r.amount());
            field(gen, provider, "expertMargin", r.expertMargin());
            field(gen, provider, "decisions", r.decisions());
            summary(gen, "decisionSummary", r.decisionSummary(), "/risk-actions?cause=" + query(r.ref()));
            gen.writeEndObject();
        }
    }

    /**
     * {@code {total, byOutcome, byReason, list, nextCursor, next}}: {@code list} is the list request for
     * all the records (newest first), {@code next} the one for the records after the first page.
     */
    private static void summary(JsonGenerator gen, String field, FanOutSummary s, String list) throws IOException {
        gen.writeObjectFieldStart(field);
        gen.writeNumberField("total", s.total());
        gen.writeObjectFieldStart("byOutcome");
        for (var e : s.byOutcome().entrySet()) {
            gen.writeNumberField(e.getKey(), e.getValue());
        }
        gen.writeEndObject();
        gen.writeObjectFieldStart("byReason");
        for (var outcome : s.byReason().entrySet()) {
            gen.writeObjectFieldStart(outcome.getKey());
            for (var e : outcome.getValue().entrySet()) {
                gen.writeNumberField(e.getKey(), e.getValue());
            }
            gen.writeEndObject();
        }
        gen.writeEndObject();
        gen.writeStringField("list", list);
        String cursor = s.nextAfter() == null ? null : Cursor.encodeOldestFirst(s.nextAfter());
        gen.writeStringField("nextCursor", cursor);
        gen.writeStringField("next", cursor == null ? null : list + "&cursor=" + cursor);
        gen.writeEndObject();
    }

    private static void field(JsonGenerator gen, SerializerProvider provider, String name, Object value) throws IOException {
        gen.writeFieldName(name);
        provider.defaultSerializeValue(value, gen);
    }

    private static String query(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
