package org.steward.app;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;
import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.core.domain.Dependency;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchCondition;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.lang.ConditionEvents;
import com.tngtech.archunit.lang.SimpleConditionEvent;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The module boundaries: the WAR depends on the modules, the modules on the platform, and a module's internals are its
 * own. Modules talk to each other only through their {@code api} packages.
 */
class ModuleArchitectureTest {

    /** The domain modules, by their package under org.steward (subject-rights is "subjectrights"). */
    private static final String[] DOMAIN_PACKAGES = {
            "org.steward.identity..", "org.steward.consent..", "org.steward.subjectrights..",
            "org.steward.retention..", "org.steward.sharing.."};

    /** org.steward.MODULE.api / .internal, for any module. */
    private static final Pattern MODULE_PART = Pattern.compile("org\\.steward\\.([a-z0-9]+)\\.(api|internal)(\\..*)?");

    private static JavaClasses classes;

    @BeforeAll
    static void importClasses() {
        classes = new ClassFileImporter()
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("org.steward");
    }

    @Test
    void theImportSeesEveryLayer() {
        // Guards the rules below against passing vacuously on a class path that lost a module.
        assertThat(classes.containPackage("org.steward.app")).isTrue();
        assertThat(classes.containPackage("org.steward.platform.crypto")).isTrue();
        assertThat(classes.containPackage("org.steward.identity.api")).isTrue();
        assertThat(classes.containPackage("org.steward.identity.internal.control")).isTrue();
        assertThat(classes.stream().map(JavaClass::getName)).doesNotContain(getClass().getName());
    }

    @Test
    void domainModulesAreFreeOfCycles() {
        slices().matching("org.steward.(identity|consent|subjectrights|retention|sharing)..")
                .namingSlices("module $1")
                .should().beFreeOfCycles()
                .check(classes);
    }

    @Test
    void noClassOutsideAModuleReachesIntoItsInternals() {
        classes().that().resideInAPackage("org.steward..")
                .should(notDependOnTheInternalsOfAnotherModule())
                .check(classes);
    }

    @Test
    void thePlatformDependsOnNoModuleAndNotOnTheApp() {
        noClasses().that().resideInAPackage("org.steward.platform..")
                .should().dependOnClassesThat().resideInAnyPackage(DOMAIN_PACKAGES)
                .orShould().dependOnClassesThat().resideInAPackage("org.steward.app..")
                .check(classes);
    }

    @Test
    void nothingButTheAppDependsOnTheApp() {
        noClasses().that().resideOutsideOfPackage("org.steward.app..")
                .should().dependOnClassesThat().resideInAPackage("org.steward.app..")
                .check(classes);
    }

    @Test
    void anApiDoesNotDependOnItsOwnInternals() {
        classes().that().resideInAPackage("org.steward.*.api..")
                .should(notDependOnTheirOwnInternals())
                .check(classes);
    }

    /** The module (the package segment after org.steward) of an api or internal package, if it is one. */
    private static Optional<String> moduleOf(JavaClass type, String part) {
        Matcher m = MODULE_PART.matcher(type.getPackageName());
        return m.matches() && m.group(2).equals(part) ? Optional.of(m.group(1)) : Optional.empty();
    }

    private static boolean isIn(JavaClass type, String module) {
        String p = type.getPackageName();
        String root = "org.steward." + module;
        return p.equals(root) || p.startsWith(root + ".");
    }

    private static ArchCondition<JavaClass> notDependOnTheInternalsOfAnotherModule() {
        return new ArchCondition<>("not depend on org.steward.X.internal.. from outside module X") {
            @Override
            public void check(JavaClass origin, ConditionEvents events) {
                for (Dependency d : origin.getDirectDependenciesFromSelf()) {
                    moduleOf(d.getTargetClass(), "internal")
                            .filter(module -> !isIn(origin, module))
                            .ifPresent(module -> events.add(SimpleConditionEvent.violated(d,
                                    "reaches into module " + module + "'s internals: " + d.getDescription())));
                }
            }
        };
    }

    private static ArchCondition<JavaClass> notDependOnTheirOwnInternals() {
        return new ArchCondition<>("not depend on their own module's internal package") {
            @Override
            public void check(JavaClass origin, ConditionEvents events) {
                String module = moduleOf(origin, "api").orElseThrow();
                for (Dependency d : origin.getDirectDependenciesFromSelf()) {
                    moduleOf(d.getTargetClass(), "internal")
                            .filter(module::equals)
                            .ifPresent(m -> events.add(SimpleConditionEvent.violated(d,
                                    "the api of " + module + " depends on its internals: " + d.getDescription())));
                }
            }
        };
    }
}
