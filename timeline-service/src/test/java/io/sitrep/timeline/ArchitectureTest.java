package io.sitrep.timeline;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;
import io.sitrep.testsupport.CodebaseChecks;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

@AnalyzeClasses(packages = "io.sitrep.timeline", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {

    /** The read models as plain Java: this package exactly, not its persistence subpackage. */
    private static final String DOMAIN = "io.sitrep.timeline.readmodel";

    /** What serves reads: the JSON APIs, the feed and the status page. */
    private static final String[] READERS = {"io.sitrep.timeline..web..", "io.sitrep.timeline.statuspage..", "io.sitrep.timeline.feed..",
            "io.sitrep.timeline.page.."};

    private static final Path MAIN_SOURCES = Path.of("src", "main", "java");

    @ArchTest
    static final ArchRule domain_does_not_depend_on_spring = noClasses()
            .that().resideInAPackage(DOMAIN)
            .should().dependOnClassesThat().resideInAnyPackage("org.springframework..", "jakarta.servlet..", "org.apache.kafka..",
                    "tools.jackson..")
            .because("the read models and their rules are plain Java, testable without a container");

    @ArchTest
    static final ArchRule domain_does_not_depend_on_adapters = noClasses()
            .that().resideInAPackage(DOMAIN)
            .should().dependOnClassesThat().resideInAnyPackage("io.sitrep.timeline..web..", "io.sitrep.timeline..persistence..",
                    "io.sitrep.timeline.ingest..", "io.sitrep.timeline.stream..", "io.sitrep.timeline.page..", "io.sitrep.timeline.feed..",
                    "io.sitrep.timeline.statuspage..", "io.sitrep.timeline.rebuild..")
            .because("adapters depend on the read models, never the other way round");

    @ArchTest
    static final ArchRule web_adapters_do_not_touch_persistence = noClasses()
            .that().resideInAnyPackage(READERS)
            .should().dependOnClassesThat().resideInAPackage("io.sitrep.timeline..persistence..")
            .because("readers go through the ReadModels port, which owns the transaction");

    @ArchTest
    static final ArchRule readers_do_not_depend_on_the_consumer = noClasses()
            .that().resideInAnyPackage(READERS)
            .should().dependOnClassesThat().resideInAPackage("io.sitrep.timeline.ingest..")
            .because("serving reads must not depend on how events are consumed");

    @ArchTest
    static final ArchRule features_are_free_of_cycles = slices().matching("io.sitrep.timeline.(*)..")
            .should().beFreeOfCycles()
            .because("a feature is understood, tested and changed on top of the ones it uses, never in a loop with them");

    @ArchTest
    static final ArchRule packages_are_free_of_cycles = slices().matching("io.sitrep.timeline.(**)")
            .should().beFreeOfCycles()
            .because("inside a feature too, the model, its use cases and its adapters depend one way");

    @Test
    void every_package_has_a_package_info() {
        CodebaseChecks.assertEveryPackageHasPackageInfo(MAIN_SOURCES);
    }

}
