package com.copyguard.architecture;

import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import java.lang.reflect.Field;
import org.junit.jupiter.api.Test;

/** The rule against reflection into private state fails on code that does it, and passes on code that does not. */
class ReflectionRuleTest {
    static final class OpensAField {
        private int hidden;

        static Object read(OpensAField o) throws ReflectiveOperationException {
            Field f = OpensAField.class.getDeclaredField("hidden");
            f.setAccessible(true);
            return f.get(o);
        }
    }

    @SuppressWarnings("removal")
    static final class UsesTheSerializationFactory {
        static Object factory() {
            return sun.reflect.ReflectionFactory.getReflectionFactory();
        }
    }

    static final class Plain {
        static int twice(int x) {
            return 2 * x;
        }
    }

    @Test
    void failsOnSetAccessibleAndOnSunReflectAndPassesOtherwise() {
        JavaClasses offenders = new ClassFileImporter().importClasses(OpensAField.class, UsesTheSerializationFactory.class);
        assertThat(ArchitectureTest.noReflectionIntoPrivateState.evaluate(offenders).getFailureReport().getDetails())
                .anyMatch(d -> d.contains("setAccessible"))
                .anyMatch(d -> d.contains("sun.reflect.ReflectionFactory"));
        JavaClasses plain = new ClassFileImporter().importClasses(Plain.class);
        assertThat(ArchitectureTest.noReflectionIntoPrivateState.evaluate(plain).hasViolation()).isFalse();
    }
}
