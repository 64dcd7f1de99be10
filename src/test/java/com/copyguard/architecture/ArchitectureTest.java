package com.copyguard.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

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
    static final ArchRule commandDependsOnNeitherJacksonNorVertx = noClasses()
            .that().resideInAPackage("com.copyguard.command..")
            .should().dependOnClassesThat().resideInAnyPackage("com.fasterxml..", "io.vertx..")
            .because("commands are plain records: JSON is read at the edge (input) and written by the journal (mix-ins)");

    @ArchTest
    static final ArchRule refusalsCarryNoHttpStatus = noClasses()
            .that().resideOutsideOfPackage("com.copyguard.server..")
            .should().dependOnClassesThat().haveSimpleName("RefusalStatus")
            .because("an HTTP status is decided only at the edge, from the refusal's code");
}
