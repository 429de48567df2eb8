package io.sitrep.notification;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;
import io.sitrep.testsupport.CodebaseChecks;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

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

    @ArchTest
    static final ArchRule features_are_free_of_cycles = slices().matching("io.sitrep.notification.(*)..")
            .should().beFreeOfCycles()
            .because("a feature is understood, tested and changed on top of the ones it uses, never in a loop with them");

    @ArchTest
    static final ArchRule packages_are_free_of_cycles = slices().matching("io.sitrep.notification.(**)")
            .should().beFreeOfCycles()
            .because("inside a feature too, the model, its use cases and its adapters depend one way");

    @ArchTest
    static final ArchRule subscriptions_do_not_depend_on_deliveries = noClasses()
            .that().resideInAPackage("io.sitrep.notification.subscription..")
            .should().dependOnClassesThat().resideInAnyPackage("io.sitrep.notification.delivery..", "io.sitrep.notification.webhook..",
                    "io.sitrep.notification.email..", "io.sitrep.notification.chat..")
            .because("deliveries follow subscriptions; cancellations reach them through the SubscriptionDeliveries port");

    @ArchTest
    static final ArchRule the_dispatcher_knows_channels_only_by_their_interface = noClasses()
            .that().resideInAPackage("io.sitrep.notification.delivery..")
            .should().dependOnClassesThat().resideInAnyPackage("io.sitrep.notification.webhook..", "io.sitrep.notification.email..",
                    "io.sitrep.notification.chat..")
            .because("each channel implements DeliveryChannel; a new one plugs in without a change to dispatch");

    @ArchTest
    static final ArchRule persistence_is_reached_through_ports = noClasses()
            .that().resideOutsideOfPackage("..persistence..")
            .should().dependOnClassesThat().resideInAPackage("..persistence..")
            .because("JDBC adapters are package-private implementations of the Deliveries and Subscriptions ports");

    @Test
    void every_package_has_a_package_info() {
        CodebaseChecks.assertEveryPackageHasPackageInfo(MAIN_SOURCES);
    }

}
