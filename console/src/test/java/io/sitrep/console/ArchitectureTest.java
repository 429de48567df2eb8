package io.sitrep.console;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;
import io.sitrep.testsupport.CodebaseChecks;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;

import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

@AnalyzeClasses(packages = "io.sitrep.console", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {

    private static final Path MAIN_SOURCES = Path.of("src", "main", "java");

    @ArchTest
    static final ArchRule console_packages_are_free_of_cycles = slices()
            .matching("io.sitrep.console.(*)..")
            .should().beFreeOfCycles()
            .because("each screen's package builds on the client, the sign-in and the shared web parts, never the other way round");

    @Test
    void every_package_has_a_package_info() {
        CodebaseChecks.assertEveryPackageHasPackageInfo(MAIN_SOURCES);
    }
}
