package com.copyguard.core.rules;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.copyguard.core.command.ActivateRules;
import com.copyguard.core.command.Command;
import com.copyguard.durability.journal.CommandCodec;
import com.copyguard.testing.TestRuleVersions;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Broken versions are refused with the compiler's messages; activations journal the full text. */
class RuleCompilationTest {
    private static Path root;

    @BeforeAll
    static void rules() {
        root = TestRuleVersions.root();
    }

    @Test
    void aSyntaxErrorIsRefusedWithTheParsersMessageAndFile() {
        RuleCompilationException e = catchThrowableOfType(RuleCompilationException.class,
                () -> RuleSetLoader.loadFolder(root.resolve("syntax-error")));
        assertThat(e).isNotNull();
        assertThat(e.messages()).isNotEmpty().anySatisfy(m -> assertThat(m).startsWith("broken.drl:7:"));
    }

    @Test
    void aTypeErrorIsRefusedWithTheCompilersMessageAndFile() {
        RuleCompilationException e = catchThrowableOfType(RuleCompilationException.class,
                () -> RuleSetLoader.loadFolder(root.resolve("type-error")));
        assertThat(e).isNotNull();
        assertThat(e.messages()).isNotEmpty().anySatisfy(m -> assertThat(m).startsWith("wrong-type.drl:10 (rule \"Sets a text where a decimal belongs\")").contains("setTarget(BigDecimal)"));
    }

    @Test
    void anUnknownOrUnsafeVersionNameIsNotAVersion() {
        RuleSetLoader library = new RuleSetLoader(root);
        assertThat(library.exists("v1")).isTrue();
        assertThat(library.exists("nope")).isFalse();
        assertThat(library.exists("../v1")).isFalse();
        assertThat(library.versions()).contains("v1", "tight-cap", "runaway", "throwing", "syntax-error", "type-error");
    }

    @Test
    void anActivationCarriesTheWholeTextThroughTheJournalCodec() throws Exception {
        RuleSource v1 = new RuleSetLoader(root).source("v1");
        String json = CommandCodec.encode(ActivateRules.of(v1));
        Command back = CommandCodec.decode(json);
        assertThat(back).isInstanceOf(ActivateRules.class);
        RuleSource replayed = ((ActivateRules) back).source();
        assertThat(replayed.files()).isEqualTo(v1.files());
        assertThat(replayed.fingerprint()).isEqualTo(v1.fingerprint());
        assertThat(RuleSource.of("v1", v1.description(), Map.of("a.drl", "x")).fingerprint())
                .isNotEqualTo(v1.fingerprint());
    }
}
