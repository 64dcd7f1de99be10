package com.copyguard.core.rules;

import static org.assertj.core.api.Assertions.assertThat;

import com.copyguard.core.command.Command;
import com.copyguard.core.engine.Engine;
import com.copyguard.core.refusal.Refusal;
import com.copyguard.core.screening.EngineAssembly;
import com.copyguard.durability.CommandMix;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The affordability cap shrinks a copy to what the follower's available balance pays for, margin and
 * fee together. With the per-unit margin truncated, the capped copy could still cost a rounding step
 * more than available: the rule fired again without shrinking anything until the firing bound refused
 * the whole fill (RULE_RUNAWAY) for every follower of the expert. These seeded mixes hit that case
 * (found by the cluster equivalence work) in v2 and v3; no input may be refused for a rule that loops.
 */
class AffordabilityCapSettlesTest {

    @ParameterizedTest
    @ValueSource(strings = {"v2", "v3"})
    void noFillIsRefusedForRulesThatDoNotSettle(String version) throws Exception {
        RuleSet rules = RuleSetLoader.loadFolder(Path.of("rules", version));
        List<String> runaways = new ArrayList<>();
        int fills = 0;
        for (long seed : new long[] {3, 12}) {
            Engine engine = EngineAssembly.create(new ActiveRules(rules));
            CommandMix mix = new CommandMix(seed, engine, 4, 40, CommandMix.Weights.BALANCED);
            for (Command c : mix.setup(3)) {
                engine.apply(c);
            }
            for (int i = 0; i < 400; i++) {
                Command c = mix.next();
                fills += c instanceof com.copyguard.core.command.ExpertFill ? 1 : 0;
                try {
                    engine.apply(c);
                } catch (Refusal r) {
                    if (r.code() == com.copyguard.core.refusal.RefusalCode.RULE_RUNAWAY) {
                        runaways.add("seed " + seed + " input " + i + ": " + c + " -> " + r.getMessage());
                    }
                }
            }
        }
        assertThat(fills).as("fills in the mix").isGreaterThan(200);
        assertThat(runaways).isEmpty();
    }
}
