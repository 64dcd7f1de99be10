package com.copyguard.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaMethodCall;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

/**
 * The layering that is in place so far (issue 14, partly done): the domain values and the refusal
 * type are core-shaped (the JDK and each other only), and HTTP statuses are decided at the edge.
 */
@AnalyzeClasses(packages = "com.copyguard", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {

    @ArchTest
    static final ArchRule domainAndRefusalsDependOnTheJdkOnly = classes()
            .that().resideInAnyPackage("com.copyguard.domain..", "com.copyguard.refusal..")
            .should().onlyDependOnClassesThat()
            .resideInAnyPackage("java..", "com.copyguard.domain..", "com.copyguard.refusal..", "com.copyguard.decimal..")
            .because("the core speaks the domain: no HTTP, no JSON library, no framework");

    @ArchTest
    static final ArchRule refusalsCarryNoHttpStatus = noClasses()
            .that().resideOutsideOfPackage("com.copyguard.server..")
            .should().dependOnClassesThat().haveSimpleName("RefusalStatus")
            .because("an HTTP status is decided only at the edge, from the refusal's code");

    /** A call that opens a private member to reflection, on whichever AccessibleObject it is made. */
    private static final DescribedPredicate<JavaMethodCall> OPENS_PRIVATE_MEMBERS =
            new DescribedPredicate<>("AccessibleObject.setAccessible or trySetAccessible") {
                @Override
                public boolean test(JavaMethodCall call) {
                    return call.getTarget().getOwner().isAssignableTo(java.lang.reflect.AccessibleObject.class)
                            && (call.getName().equals("setAccessible") || call.getName().equals("trySetAccessible"));
                }
            };

    @ArchTest
    static final ArchRule noReflectionIntoPrivateState = noClasses()
            .should().callMethodWhere(OPENS_PRIVATE_MEMBERS)
            .orShould().dependOnClassesThat().resideInAnyPackage("sun.reflect..")
            .because("state is read and written through explicit mappings (durability/snapshot), never by "
                    + "reaching into private fields: a renamed field must be a compile error, not a silent full replay");
}
