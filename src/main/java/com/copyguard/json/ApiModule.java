package com.copyguard.json;

import com.copyguard.core.command.Sender;
import com.copyguard.core.model.Decimals;
import com.copyguard.core.engine.AccountResult;
import com.copyguard.core.engine.DecisionSummary;
import com.copyguard.core.engine.DecisionView;
import com.copyguard.core.engine.ExpertResult;
import com.copyguard.core.engine.ExpertView;
import com.copyguard.core.engine.FollowingView;
import com.copyguard.core.engine.InstrumentResult;
import com.copyguard.core.engine.InstrumentView;
import com.copyguard.core.engine.MarginResult;
import com.copyguard.core.engine.Remembered;
import com.copyguard.core.engine.RiskActionView;
import com.copyguard.core.engine.RulesActivated;
import com.copyguard.core.engine.SettingsView;
import com.copyguard.core.engine.SubscriptionResult;
import com.copyguard.core.engine.SubscriptionView;
import com.copyguard.core.engine.TransactionView;
import com.copyguard.core.engine.AccountView;
import com.copyguard.json.Json;
import com.copyguard.core.paging.Page;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonUnwrapped;
import com.fasterxml.jackson.annotation.JsonValue;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.SerializerProvider;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.databind.ser.std.StdSerializer;
import java.io.IOException;
import java.math.BigDecimal;
import java.util.List;
import java.util.Map;

/**
 * How the core's records become the contract's JSON without annotating the core: a decimal
 * serializer, the list page shape, remembered answers written as first given, and mix-ins where
 * the contract omits a field when it has no value or shows a result as the view it carries.
 */
final class ApiModule extends SimpleModule {

    ApiModule() {
        super("copyguard-api");
        addSerializer(BigDecimal.class, new PlainDecimal());
        addSerializer(new PageShape());
        addSerializer(Remembered.class, new RememberedAnswer());
        addSerializer(new FanOutShapes.FillReply());
        addSerializer(new FanOutShapes.ExpertMarginReply());
        addSerializer(new FanOutShapes.PricesReply());
        setMixInAnnotation(SubscriptionView.class, SubscriptionViewShape.class);
        setMixInAnnotation(FollowingView.class, FollowingViewShape.class);
        setMixInAnnotation(SettingsView.Leverage.class, LeverageShape.class);
        setMixInAnnotation(TransactionView.class, TransactionShape.class);
        setMixInAnnotation(DecisionView.class, DecisionShape.class);
        setMixInAnnotation(DecisionSummary.class, DecisionSummaryShape.class);
        setMixInAnnotation(RiskActionView.class, RiskActionShape.class);
        setMixInAnnotation(RulesActivated.class, RulesActivatedShape.class);
        setMixInAnnotation(AccountResult.class, AccountResultShape.class);
        setMixInAnnotation(InstrumentResult.class, InstrumentResultShape.class);
        setMixInAnnotation(ExpertResult.class, ExpertResultShape.class);
        setMixInAnnotation(SubscriptionResult.class, SubscriptionResultShape.class);
        setMixInAnnotation(MarginResult.class, MarginResultShape.class);
    }

    /** Decimals as JSON strings in plain notation without trailing zeros. */
    private static final class PlainDecimal extends StdSerializer<BigDecimal> {
        PlainDecimal() {
            super(BigDecimal.class);
        }

        @Override
        public void serialize(BigDecimal value, JsonGenerator gen, SerializerProvider provider) throws IOException {
            gen.writeString(Decimals.plain(value));
        }
    }

    /** Every list endpoint: {@code {"items": [...], "nextCursor": string|null}}. */
    @SuppressWarnings("rawtypes")
    private static final class PageShape extends StdSerializer<Page> {
        PageShape() {
            super(Page.class);
        }

        @Override
        public void serialize(Page page, JsonGenerator gen, SerializerProvider provider) throws IOException {
            gen.writeStartObject();
            gen.writeFieldName("items");
            provider.defaultSerializeValue(page.items(), gen);
            gen.writeStringField("nextCursor", page.nextCursor());
            gen.writeEndObject();
        }
    }

    /** A remembered answer is the JSON it was first given as. */
    private static final class RememberedAnswer extends StdSerializer<Remembered> {
        RememberedAnswer() {
            super(Remembered.class);
        }

        @Override
        public void serialize(Remembered answer, JsonGenerator gen, SerializerProvider provider) throws IOException {
            gen.writeTree(Json.MAPPER.readTree(answer.encoded()));
        }
    }

    private abstract static class SubscriptionViewShape {
        @JsonInclude(JsonInclude.Include.NON_NULL)
        abstract Object stopReason();
    }

    private abstract static class FollowingViewShape {
        @JsonInclude(JsonInclude.Include.NON_NULL)
        abstract Object stopReason();
    }

    private abstract static class LeverageShape {
        @JsonInclude(JsonInclude.Include.NON_NULL)
        abstract Integer value();

        @JsonInclude(JsonInclude.Include.NON_NULL)
        abstract Map<String, Integer> perSymbol();
    }

    private abstract static class TransactionShape {
        @JsonInclude(JsonInclude.Include.NON_NULL)
        abstract String subscriptionId();

        @JsonInclude(JsonInclude.Include.NON_NULL)
        abstract String ref();

        @JsonInclude(JsonInclude.Include.NON_NULL)
        abstract Sender requestedBy();
    }

    private abstract static class DecisionShape {
        @JsonInclude(JsonInclude.Include.NON_NULL)
        abstract Object reason();

        @JsonInclude(JsonInclude.Include.NON_NULL)
        abstract Sender fillSentBy();
    }

    private abstract static class DecisionSummaryShape {
        @JsonInclude(JsonInclude.Include.NON_NULL)
        abstract Object reason();
    }

    private abstract static class RiskActionShape {
        @JsonInclude(JsonInclude.Include.NON_NULL)
        abstract Sender requestedBy();
    }

    private abstract static class RulesActivatedShape {
        @JsonInclude(JsonInclude.Include.NON_NULL)
        abstract String proposalId();

        @JsonInclude(JsonInclude.Include.NON_NULL)
        abstract Sender proposedBy();

        @JsonInclude(JsonInclude.Include.NON_NULL)
        abstract Sender approvedBy();
    }

    private abstract static class AccountResultShape {
        @JsonValue
        abstract AccountView account();
    }

    private abstract static class InstrumentResultShape {
        @JsonValue
        abstract InstrumentView instrument();
    }

    private abstract static class ExpertResultShape {
        @JsonValue
        abstract ExpertView expert();
    }

    private abstract static class SubscriptionResultShape {
        @JsonUnwrapped
        abstract SubscriptionView subscription();

        @JsonInclude(JsonInclude.Include.NON_NULL)
        abstract List<?> riskActions();

        @JsonInclude(JsonInclude.Include.NON_NULL)
        abstract List<?> copiedPositions();
    }

    private abstract static class MarginResultShape {
        @JsonUnwrapped
        abstract SubscriptionView subscription();
    }
}
