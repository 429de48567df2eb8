package io.sitrep.support;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.lang.EvaluationResult;
import org.junit.jupiter.api.Test;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;
import static org.assertj.core.api.Assertions.assertThat;

@AnalyzeClasses(packages = "io.sitrep.support", importOptions = ImportOption.DoNotIncludeTests.class)
class SupportArchitectureTest {

    /** The support library serves every service, so it may know none of them. */
    @ArchTest
    static final ArchRule support_does_not_depend_on_any_service = noClasses()
            .that().resideInAPackage("io.sitrep.support..")
            .should().dependOnClassesThat().resideInAnyPackage("io.sitrep.incidentservice..", "io.sitrep.notification..",
                    "io.sitrep.timeline..");

    /**
     * Issue 17: security and web imported each other (the problem handler knew the security
     * exceptions). Web now answers any {@code RequestRefused}, and security depends on web only.
     */
    @ArchTest
    static final ArchRule packages_are_free_of_cycles = slices().matching("io.sitrep.support.(*)..")
            .should().beFreeOfCycles()
            .because("each part of the library is understood on top of the ones it uses, never in a loop with them");

    @Test
    void the_cycle_rule_fails_on_two_packages_that_import_each_other() {
        JavaClasses cyclic = new ClassFileImporter().importPackages("io.sitrep.cyclefixture");
        ArchRule rule = slices().matching("io.sitrep.cyclefixture.(*)..").should().beFreeOfCycles();

        EvaluationResult result = rule.evaluate(cyclic);

        assertThat(result.hasViolation()).isTrue();
        assertThat(result.getFailureReport().toString()).contains("left").contains("right");
    }
}
