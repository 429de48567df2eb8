package io.sitrep.events;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

import java.util.ArrayList;
import java.util.List;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static org.assertj.core.api.Assertions.assertThat;

/** The event contract is a plain library that every service can depend on, whatever its framework. */
@AnalyzeClasses(packages = "io.sitrep.events", importOptions = ImportOption.DoNotIncludeTests.class)
class SharedEventsArchitectureTest {

    private static final String WIRE_NAME = "^[a-z]+(\\.[a-z_]+)+$";

    @ArchTest
    static final ArchRule shared_events_do_not_depend_on_spring = noClasses()
            .that().resideInAPackage("io.sitrep.events..")
            .should().dependOnClassesThat().resideInAPackage("org.springframework..")
            .because("the contract is shared by every service and must not drag a framework along");

    @ArchTest
    static final ArchRule shared_events_depend_only_on_the_jdk_and_jackson = classes()
            .that().resideInAPackage("io.sitrep.events..")
            .should().onlyDependOnClassesThat().resideInAnyPackage(
                    "io.sitrep.events..", "java..", "tools.jackson..", "com.fasterxml.jackson.annotation..")
            .because("a consumer of the contract should get nothing but the contract and its JSON mapping");

    @ArchTest
    static void wire_names_are_not_class_names(JavaClasses classes) {
        List<String> problems = new ArrayList<>();

        for (EventType type : EventType.values()) {
            String wireName = type.wireName();
            if (!wireName.matches(WIRE_NAME)) {
                problems.add(wireName + " does not match " + WIRE_NAME);
            }
            if (wireName.equalsIgnoreCase(type.name()) || wireName.contains(type.recordType().getName())) {
                problems.add(wireName + " is derived from the Java name of " + type);
            }
            for (JavaClass javaClass : classes) {
                String simpleName = javaClass.getSimpleName();
                if (!simpleName.isEmpty() && (wireName.equals(simpleName) || wireName.contains(simpleName))) {
                    problems.add(wireName + " contains the class name " + javaClass.getName());
                }
            }
        }

        assertThat(problems).isEmpty();
        assertThat(classes.contain(EventType.class)).as("the rule saw the contract's classes").isTrue();
    }
}
