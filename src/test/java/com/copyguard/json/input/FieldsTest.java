package com.copyguard.json.input;

import com.copyguard.core.refusal.InputRefused;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.copyguard.json.Json;
import com.copyguard.core.model.SubscriptionSettings;
import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigDecimal;
import java.util.Iterator;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Parse-time bounds read from openapi.yaml: one statement of each rule, enforced before arithmetic. */
class FieldsTest {
    private static JsonNode json(String text) {
        try {
            return Json.MAPPER.readTree(text);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static InputRefused refused(Runnable parse) {
        try {
            parse.run();
        } catch (InputRefused e) {
            return e;
        }
        throw new AssertionError("accepted");
    }

    @Test
    void decimalsAreBoundedByTheirKindBeforeAnyArithmetic() {
        Fields f = Fields.of(json("{\"amount\":\"100.12345678\",\"requestId\":\"r\",\"time\":1}"), "MoneyMovement");
        assertThat(f.decimal("amount")).isEqualByComparingTo("100.12345678");
        assertThat(refused(() -> Fields.of(json("{\"amount\":\"1.123456789\"}"), "MoneyMovement").decimal("amount")).getMessage())
                .isEqualTo("amount may have at most 8 decimal places");
        assertThat(refused(() -> Fields.of(json("{\"amount\":1e999999999}"), "MoneyMovement").decimal("amount")).getMessage())
                .isEqualTo("amount may have at most 15 digits before the decimal point");
        assertThat(refused(() -> Fields.of(json("{\"amount\":1e-999999999}"), "MoneyMovement").decimal("amount")).getMessage())
                .isEqualTo("amount may have at most 8 decimal places");
        assertThat(Fields.of(json("{\"price\":\"0.000000000001\"}"), "SymbolPrice").decimal("price"))
                .isEqualByComparingTo("0.000000000001");
        assertThat(Fields.of(json("{\"amount\":1E+2}"), "MoneyMovement").decimal("amount")).isEqualTo(new BigDecimal("100"));
        assertThat(Fields.of(json("{\"amount\":\"5.10000000000000\"}"), "MoneyMovement").decimal("amount"))
                .as("trailing zeros add no places").isEqualByComparingTo("5.1");
    }

    @Test
    void badValuesAreQuotedByAShortPrefix() {
        String huge = "9".repeat(39) + "x";
        String message = refused(() -> Fields.of(json("{\"amount\":\"" + huge + "\"}"), "MoneyMovement").decimal("amount"))
                .getMessage();
        assertThat(message).contains("(40 characters)").hasSizeLessThan(120);
        assertThat(InputRefused.quote("a".repeat(10_000))).hasSizeLessThan(60).endsWith("(10000 characters)");
    }

    @Test
    void unknownFieldsAreRefusedAtEveryLevel() {
        InputRefused top = refused(() -> Fields.of(json("{\"equity\":\"1\",\"maxFollower\":3}"), "ExpertInput"));
        assertThat(top.errorCode()).isEqualTo("UNKNOWN_FIELD");
        assertThat(top.getMessage()).startsWith("'maxFollower' is not a field of this request");
        InputRefused nested = refused(() -> SettingsParser.patch(json("{\"guardian\":{\"dailyLossLimit\":\"10\"}}")));
        assertThat(nested.errorCode()).isEqualTo("UNKNOWN_FIELD");
        assertThat(nested.getMessage()).startsWith("settings.guardian.'dailyLossLimit' is not a field");
    }

    @Test
    void integerBoundsComeFromTheContract() {
        assertThat(Fields.of(json("{\"leverage\":125}"), "Fill").integer("leverage")).isEqualTo(125);
        assertThat(refused(() -> Fields.of(json("{\"leverage\":126}"), "Fill").integer("leverage")).getMessage())
                .isEqualTo("leverage must be a whole number from 1 to 125");
        assertThat(refused(() -> Fields.of(json("{\"time\":1000000000000000}"), "ClockInput").time("time")).getMessage())
                .isEqualTo("time must be epoch milliseconds, a whole number from 0 to 999999999999999");
    }

    /** Every request object in the contract refuses unknown fields, and every decimal field has a size. */
    @Test
    void everyRequestSchemaIsClosedAndEveryDecimalIsSized() {
        JsonNode schemas = InputSchema.contract().path("components").path("schemas");
        for (String name : new String[] {"InstrumentInput", "ExpertInput", "Fill", "FollowInput", "Settings",
                "LeverageSettings", "GuardianSettings", "PriceInput", "SymbolPrice", "ClockInput", "StopInput",
                "ClosePositionInput", "MoneyMovement", "VersionInput", "ValidateInput", "EquityReport"}) {
            InputSchema schema = InputSchema.named(name);
            assertThat(schema.closed()).as(name).isTrue();
            for (Iterator<Map.Entry<String, JsonNode>> it = schemas.path(name).path("properties").fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> p = it.next();
                assertThat(p.getValue().toString()).as(name + "." + p.getKey() + ": use Money, Price, Quantity or Ratio")
                        .doesNotContain("schemas/Decimal");
                if (p.getValue().toString().matches(".*schemas/(Money|Price|Quantity|Ratio).*")) {
                    assertThat(schema.number(p.getKey(), "x-scale", -1)).as(name + "." + p.getKey()).isPositive();
                    assertThat(schema.number(p.getKey(), "x-integer-digits", -1)).as(name + "." + p.getKey()).isPositive();
                }
            }
        }
        assertThatThrownBy(() -> InputSchema.named("NoSuchSchema")).isInstanceOf(IllegalArgumentException.class);
    }
}
