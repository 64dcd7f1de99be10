package com.copyguard.durability.snapshot;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.copyguard.core.command.Sender;
import com.copyguard.core.model.GuardianSetting;
import com.copyguard.core.model.LeverageMode;
import com.copyguard.core.model.LeverageSetting;
import com.copyguard.core.model.LossLimit;
import com.copyguard.core.model.LossPeriod;
import com.copyguard.core.model.MarginModeChoice;
import com.copyguard.core.model.SubscriptionSettings;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The mappings' own rules: canonical bytes, exact values, and records that must match the mapping exactly. */
class StateMappingsTest {
    private interface Body {
        void write(StateOutput out) throws IOException;
    }

    private static byte[] encode(Body body) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (StateOutput out = SnapshotFormat.output(bytes)) {
            body.write(out);
        }
        return bytes.toByteArray();
    }

    private static StateInput input(byte[] bytes) throws IOException {
        return SnapshotFormat.input(new ByteArrayInputStream(bytes));
    }

    private static SubscriptionSettings settings(Map<String, Integer> perSymbol, BigDecimal slippage) {
        return new SubscriptionSettings(List.of("BTCUSDT", "ETHUSDT"), false,
                new LeverageSetting(LeverageMode.CUSTOM, null, perSymbol), MarginModeChoice.ISOLATED,
                new BigDecimal("0.30"), null, null, slippage, null, new BigDecimal("1000000"),
                new GuardianSetting(new BigDecimal("50"), null, new BigDecimal("0.2")),
                List.of(new LossLimit(LossPeriod.DAY, new BigDecimal("10.5"), null, true)));
    }

    @Test
    void anUnorderedMapIsWrittenInOneOrderAndDecimalsKeepTheirScale() throws Exception {
        Map<String, Integer> ab = new LinkedHashMap<>();
        ab.put("BTCUSDT", 10);
        ab.put("ETHUSDT", 5);
        Map<String, Integer> ba = new LinkedHashMap<>();
        ba.put("ETHUSDT", 5);
        ba.put("BTCUSDT", 10);
        byte[] first = encode(out -> SettingsMapping.write(out, settings(ab, new BigDecimal("0.0050"))));
        assertThat(encode(out -> SettingsMapping.write(out, settings(ba, new BigDecimal("0.0050"))))).isEqualTo(first);
        assertThat(encode(out -> SettingsMapping.write(out, settings(ab, new BigDecimal("0.005"))))).isNotEqualTo(first);

        SubscriptionSettings read = SettingsMapping.read(input(first));
        assertThat(read).usingRecursiveComparison().isEqualTo(settings(ab, new BigDecimal("0.0050")));
        assertThat(read.getMaxSlippage().scale()).isEqualTo(4);
        assertThat(read.getStopLossRatio()).isEqualTo(new BigDecimal("0.30"));
    }

    @Test
    void theSharedUnsetValuesComeBackAsThemselves() throws Exception {
        SubscriptionSettings d = SubscriptionSettings.DEFAULTS;
        SubscriptionSettings read = SettingsMapping.read(input(encode(out -> SettingsMapping.write(out, d))));
        assertThat(read.getLeverage()).isSameAs(LeverageSetting.FOLLOW);
        assertThat(read.getGuardian()).isSameAs(GuardianSetting.NONE);
        assertThat(read).usingRecursiveComparison().isEqualTo(d);
    }

    @Test
    void aRecordWithMoreOrFewerComponentsThanTheMappingIsRefused() throws Exception {
        byte[] ok = encode(out -> SenderMapping.write(out, new Sender("alice", "desk")));
        assertThat(SenderMapping.read(input(ok))).isEqualTo(new Sender("alice", "desk"));
        byte[] extra = encode(out -> {
            out.start();
            out.string("alice");
            out.string("desk");
            out.string("added later");
            out.end();
        });
        assertThatThrownBy(() -> SenderMapping.read(input(extra))).isInstanceOf(StateMappingException.class)
                .hasMessageContaining("more components than this build maps");
        byte[] missing = encode(out -> {
            out.start();
            out.string("alice");
            out.end();
        });
        assertThatThrownBy(() -> SenderMapping.read(input(missing))).isInstanceOf(StateMappingException.class)
                .hasMessageContaining("expected a string but found END_ARRAY");
    }

    @Test
    void aBodyOfAnotherFormatVersionIsRefused() throws Exception {
        byte[] other = encode(out -> {
            out.start();
            out.number(SnapshotFormat.VERSION + 1);
            out.end();
        });
        assertThatThrownBy(() -> EngineStateMapping.read(input(other))).isInstanceOf(StateMappingException.class)
                .hasMessageContaining("snapshot format " + (SnapshotFormat.VERSION + 1))
                .hasMessageContaining("this build reads format " + SnapshotFormat.VERSION);
    }

    @Test
    void anUnknownEnumConstantIsRefusedByName() throws Exception {
        byte[] renamed = encode(out -> out.string("FORTNIGHT"));
        assertThatThrownBy(() -> input(renamed).constant(LossPeriod.class)).isInstanceOf(StateMappingException.class)
                .hasMessageContaining("LossPeriod has no constant FORTNIGHT");
    }
}
