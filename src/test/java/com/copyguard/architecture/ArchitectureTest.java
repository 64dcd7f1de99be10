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
    static final ArchRule refusalsCarryNoHttpStatus = noClasses()
            .that().resideOutsideOfPackage("com.copyguard.server..")
            .should().dependOnClassesThat().haveSimpleName("RefusalStatus")
            .because("an HTTP status is decided only at the edge, from the refusal's code");

    @ArchTest
    static final ArchRule engineAndScreeningSpeakNoJsonAndNoHttp = noClasses()
            .that().resideInAnyPackage("com.copyguard.engine..", "com.copyguard.screening..", "com.copyguard.paging..")
            .should().dependOnClassesThat().resideInAnyPackage("com.fasterxml..", "io.vertx..")
            .because("the engine returns typed results and views; JSON and HTTP are the edge's (server.json)");

    @ArchTest
    static final ArchRule resultsCarryNoHttpStatus = noClasses()
            .that().resideOutsideOfPackage("com.copyguard.server..")
            .should().dependOnClassesThat().haveSimpleName("ResultStatus")
            .because("200 or 201 is decided only at the edge, from whether the result created something");
}
