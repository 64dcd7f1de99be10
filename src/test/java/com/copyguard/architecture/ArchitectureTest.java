package com.copyguard.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.Architectures.layeredArchitecture;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaMethodCall;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.library.dependencies.SlicesRuleDefinition;

/**
 * The tree shows the flow, and these rules keep it so: the core (model, ledger, commands, engine,
 * rules, screening) speaks the domain and depends on nothing but the JDK, Drools and SLF4J; every
 * layer above it depends only on layers below; no package takes part in a cycle; and no code reaches
 * into private state by reflection.
 */
@AnalyzeClasses(packages = "com.copyguard", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {
    private static final String CORE = "com.copyguard.core..";

    @ArchTest
    static final ArchRule coreDependsOnTheJdkDroolsAndSlf4jOnly = classes()
            .that().resideInAPackage(CORE)
            .should().onlyDependOnClassesThat()
            .resideInAnyPackage(CORE, "java..", "org.drools..", "org.kie..", "org.slf4j..")
            .because("the core takes typed commands and returns typed results and refusals: no HTTP (Vert.x), no JSON "
                    + "(Jackson), no storage; those live in json, durability and api");

    @ArchTest
    static final ArchRule modelAndRefusalsDependOnTheJdkOnly = classes()
            .that().resideInAnyPackage("com.copyguard.core.model..", "com.copyguard.core.refusal..")
            .should().onlyDependOnClassesThat()
            .resideInAnyPackage("java..", "com.copyguard.core.model..", "com.copyguard.core.refusal..")
            .because("domain values and refusals are plain Java that rules, engine and edge all share");

    @ArchTest
    static final ArchRule layersDependOnlyOnLayersBelow = layeredArchitecture().consideringOnlyDependenciesInLayers()
            .layer("Core").definedBy(CORE)
            .layer("Json").definedBy("com.copyguard.json..")
            .layer("Durability").definedBy("com.copyguard.durability..")
            .layer("Events").definedBy("com.copyguard.events..")
            .layer("Observability").definedBy("com.copyguard.observability..")
            .layer("Api").definedBy("com.copyguard.api..")
            .layer("Cluster").definedBy("com.copyguard.cluster..")
            .layer("App").definedBy("com.copyguard.app..")
            .whereLayer("Core").mayNotAccessAnyLayer()
            .whereLayer("Json").mayOnlyAccessLayers("Core")
            .whereLayer("Durability").mayOnlyAccessLayers("Core", "Json")
            .whereLayer("Events").mayOnlyAccessLayers("Core", "Json")
            .whereLayer("Observability").mayOnlyAccessLayers("Core", "Json", "Durability", "Events")
            .whereLayer("Api").mayOnlyAccessLayers("Core", "Json", "Durability", "Events", "Observability")
            .whereLayer("Cluster").mayOnlyAccessLayers("Core", "Json", "Durability", "Events", "Observability", "Api")
            .whereLayer("App").mayOnlyAccessLayers("Core", "Json", "Durability", "Events", "Observability", "Api",
                    "Cluster")
            .because("input -> core -> durability -> events and metrics -> reply: the flow runs one way");

    @ArchTest
    static final ArchRule noPackageCycles = SlicesRuleDefinition.slices()
            .matching("com.copyguard.(**)")
            .should().beFreeOfCycles()
            .because("every package, not only every layer, can be read and changed from the bottom up");

    @ArchTest
    static final ArchRule refusalsCarryNoHttpStatus = noClasses()
            .that().resideOutsideOfPackage("com.copyguard.api..")
            .should().dependOnClassesThat().haveSimpleName("RefusalStatus")
            .because("an HTTP status is decided only at the edge, from the refusal's code");

    @ArchTest
    static final ArchRule resultsCarryNoHttpStatus = noClasses()
            // a cluster shard answers for the HTTP ingress that waits on its reply topic
            .that().resideOutsideOfPackages("com.copyguard.api..", "com.copyguard.cluster..")
            .should().dependOnClassesThat().haveSimpleName("ResultStatus")
            .because("200 or 201 is decided only at the edge, from whether the result created something");

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
