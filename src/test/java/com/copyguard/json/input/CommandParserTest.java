package com.copyguard.json.input;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.copyguard.core.command.Follow;
import com.copyguard.core.command.PatchSettings;
import com.copyguard.core.model.SubscriptionSettings;
import com.copyguard.json.Json;
import com.copyguard.core.refusal.InputRefused;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.math.BigDecimal;
import org.junit.jupiter.api.Test;

/** Settings are read at the edge now: a PATCH or follow body with a bad setting never becomes a command. */
class CommandParserTest {
    private static JsonNode json(String text) {
        try {
            return Json.MAPPER.readTree(text);
        } catch (IOException e) {
            throw new IllegalArgumentException(e);
        }
    }

    @Test
    void aSettingsPatchNamesItsFieldsAsTheRequestWroteThem() {
        assertThatThrownBy(() -> CommandParser.patchSettings("S1", json("{\"maxSlipage\":\"0.01\"}")))
                .isInstanceOf(InputRefused.class).hasMessageStartingWith("'maxSlipage' is not a field of this request");
        assertThatThrownBy(() -> CommandParser.patchSettings("S1", json("{\"maxSlippage\":\"0.5\"}")))
                .isInstanceOf(InputRefused.class).hasMessage("settings.maxSlippage must be between 0.001 and 0.03");
        assertThatThrownBy(() -> CommandParser.patchSettings("S1", json("[1]")))
                .isInstanceOf(InputRefused.class).hasMessage("body must be a JSON object");
    }

    @Test
    void aPatchChangesOnlyWhatItNames() {
        PatchSettings p = CommandParser.patchSettings("S1", json("{\"maxSlippage\":\"0.02\"}"));
        SubscriptionSettings s = p.patch().applyTo(SubscriptionSettings.DEFAULTS);
        assertThat(s.getMaxSlippage()).isEqualTo(new BigDecimal("0.02"));
        assertThat(s.getMaxPositionValue()).isEqualTo(SubscriptionSettings.DEFAULT_MAX_POSITION_VALUE);
        assertThat(s.getLeverage()).isSameAs(SubscriptionSettings.DEFAULTS.getLeverage());
        assertThat(p.patch().text()).isEqualTo("{\"maxSlippage\":\"0.02\"}");
    }

    @Test
    void aFollowWithoutSettingsStartsFromTheDefaults() {
        Follow f = CommandParser.follow(json("{\"followerId\":\"b\",\"expertId\":\"a\",\"mode\":\"SMART_RATIO\","
                + "\"amount\":\"100\",\"time\":1}"));
        assertThat(f.settings()).isNull();
        assertThat(f.initialSettings()).isSameAs(SubscriptionSettings.DEFAULTS);
        assertThatThrownBy(() -> CommandParser.follow(json("{\"followerId\":\"b\",\"expertId\":\"a\",\"mode\":\"SMART_RATIO\","
                + "\"amount\":\"100\",\"time\":1,\"settings\":{\"guardian\":{\"maxDrawdownRatio\":\"1\"}}}")))
                .isInstanceOf(InputRefused.class)
                .hasMessage("settings.guardian.maxDrawdownRatio must be greater than 0 and less than 1");
    }
}
