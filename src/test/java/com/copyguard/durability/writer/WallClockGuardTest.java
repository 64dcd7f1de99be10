package com.copyguard.durability.writer;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.copyguard.core.command.ActivateRules;
import com.copyguard.core.command.AdvanceClock;
import com.copyguard.core.refusal.InputRefused;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

class WallClockGuardTest {
    private static final Instant NOW = Instant.parse("2026-01-01T00:00:00Z");
    private static final Clock WALL = Clock.fixed(NOW, ZoneOffset.UTC);

    @Test
    void anInputMayBeAtMostTheConfiguredTimeAheadOfTheWallClock() {
        WallClockGuard guard = new WallClockGuard(Duration.ofMinutes(5), WALL);
        long now = NOW.toEpochMilli();
        assertThatCode(() -> guard.check(new AdvanceClock(now + 300_000))).doesNotThrowAnyException();
        assertThatCode(() -> guard.check(new AdvanceClock(now - 86_400_000L))).as("the past is not its concern")
                .doesNotThrowAnyException();
        assertThatThrownBy(() -> guard.check(new AdvanceClock(now + 300_001)))
                .isInstanceOfSatisfying(InputRefused.class, e -> org.assertj.core.api.Assertions.assertThat(e.errorCode())
                        .isEqualTo("TIME_AHEAD_OF_WALL_CLOCK"));
        assertThatThrownBy(() -> guard.check(new AdvanceClock(Long.MAX_VALUE))).isInstanceOf(InputRefused.class);
    }

    @Test
    void theAllowanceIsConfigurable() {
        WallClockGuard strict = new WallClockGuard(Duration.ZERO, WALL);
        assertThatThrownBy(() -> strict.check(new AdvanceClock(NOW.toEpochMilli() + 1))).isInstanceOf(InputRefused.class);
        WallClockGuard lenient = new WallClockGuard(Duration.ofDays(1), WALL);
        assertThatCode(() -> lenient.check(new AdvanceClock(NOW.toEpochMilli() + 3_600_000))).doesNotThrowAnyException();
    }

    @Test
    void inputsWithoutEventTimeAreNotChecked() {
        WallClockGuard strict = new WallClockGuard(Duration.ZERO, WALL);
        assertThatCode(() -> strict.check(ActivateRules.of("v2", "test", java.util.Map.of())))
                .doesNotThrowAnyException();
    }
}
