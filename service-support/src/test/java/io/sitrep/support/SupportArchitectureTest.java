package io.sitrep.support;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

@AnalyzeClasses(packages = "io.sitrep.support", importOptions = ImportOption.DoNotIncludeTests.class)
class SupportArchitectureTest {

    /** The support library serves every service, so it may know none of them. */
    @ArchTest
    static final ArchRule support_does_not_depend_on_any_service = noClasses()
            .that().resideInAPackage("io.sitrep.support..")
            .should().dependOnClassesThat().resideInAnyPackage("io.sitrep.incidentservice..", "io.sitrep.notification..",
                    "io.sitrep.timeline..");
}
