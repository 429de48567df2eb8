package io.sitrep.notification;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;
import io.sitrep.testsupport.CodebaseChecks;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

@AnalyzeClasses(packages = "io.sitrep.notification", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {

    /** The model: these packages exactly, not their application, persistence, web or dispatch subpackages. */
    private static final String[] DOMAIN = {"io.sitrep.notification.subscription", "io.sitrep.notification.delivery"};

    private static final Path MAIN_SOURCES = Path.of("src", "main", "java");

    @ArchTest
    static final ArchRule domain_does_not_depend_on_spring = noClasses()
            .that().resideInAnyPackage(DOMAIN)
            .should().dependOnClassesThat().resideInAnyPackage("org.springframework..", "jakarta.persistence..", "jakarta.servlet..")
            .because("the model is plain Java, testable without a container");

    @ArchTest
    static final ArchRule domain_does_not_depend_on_adapters = noClasses()
            .that().resideInAnyPackage(DOMAIN)
            .should().dependOnClassesThat().resideInAnyPackage("..web..", "..persistence..", "..application..", "..dispatch..",
                    "..outbox..", "..intake..")
            .because("adapters depend on the model, never the other way round");

    @ArchTest
    static final ArchRule web_adapters_do_not_touch_persistence_for_writes = noClasses()
            .that().resideInAPackage("..web..")
            .should().dependOnClassesThat().resideInAnyPackage("..intake..", "..dispatch..", "..outbox..")
            .because("controllers go through the application services");

    @ArchTest
    static final ArchRule webhooks_and_email_do_not_depend_on_spring_web = noClasses()
            .that().resideInAnyPackage("io.sitrep.notification.webhook", "io.sitrep.notification.email")
            .should().dependOnClassesThat().resideInAnyPackage("org.springframework.web..", "jakarta.servlet..")
            .because("sending is no concern of the HTTP API");

    @Test
    void every_package_has_a_package_info() {
        CodebaseChecks.assertEveryPackageHasPackageInfo(MAIN_SOURCES);
    }

}
