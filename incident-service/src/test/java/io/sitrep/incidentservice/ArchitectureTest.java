package io.sitrep.incidentservice;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;
import io.sitrep.testsupport.CodebaseChecks;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

@AnalyzeClasses(packages = "io.sitrep.incidentservice", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {

    /** The aggregates: these packages exactly, not their application, persistence or web subpackages. */
    private static final String[] DOMAIN = {"io.sitrep.incidentservice.incident", "io.sitrep.incidentservice.component",
            "io.sitrep.incidentservice.maintenance", "io.sitrep.incidentservice.template"};

    private static final Path MAIN_SOURCES = Path.of("src", "main", "java");

    @ArchTest
    static final ArchRule domain_does_not_depend_on_spring = noClasses()
            .that().resideInAnyPackage(DOMAIN)
            .should().dependOnClassesThat().resideInAnyPackage("org.springframework..", "jakarta.persistence..", "jakarta.servlet..")
            .because("the aggregates are plain Java, testable without a container");

    @ArchTest
    static final ArchRule web_adapters_do_not_touch_persistence = noClasses()
            .that().resideInAPackage("..web..")
            .should().dependOnClassesThat().resideInAPackage("..persistence..")
            .because("controllers go through the application services, which own the transaction");

    @ArchTest
    static final ArchRule domain_does_not_depend_on_adapters = noClasses()
            .that().resideInAnyPackage(DOMAIN)
            .should().dependOnClassesThat().resideInAnyPackage("..web..", "..persistence..", "..application..", "..outbox..")
            .because("adapters depend on the domain, never the other way round");

    @ArchTest
    static final ArchRule features_are_free_of_cycles = slices().matching("io.sitrep.incidentservice.(*)..")
            .should().beFreeOfCycles()
            .because("a feature is understood, tested and changed on top of the ones it uses, never in a loop with them");

    @ArchTest
    static final ArchRule packages_are_free_of_cycles = slices().matching("io.sitrep.incidentservice.(**)")
            .should().beFreeOfCycles()
            .because("inside a feature too, the model, its use cases and its adapters depend one way");

    @Test
    void every_package_has_a_package_info() {
        CodebaseChecks.assertEveryPackageHasPackageInfo(MAIN_SOURCES);
    }

}
