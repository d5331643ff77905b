package org.steward.app;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.fields;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.domain.Dependency;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaField;
import com.tngtech.archunit.core.domain.JavaParameterizedType;
import com.tngtech.archunit.core.domain.JavaType;
import com.tngtech.archunit.lang.ArchCondition;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.lang.ConditionEvents;
import com.tngtech.archunit.lang.SimpleConditionEvent;
import jakarta.persistence.Entity;
import jakarta.persistence.ManyToMany;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.OneToMany;
import jakarta.persistence.OneToOne;
import jakarta.persistence.Table;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.steward.platform.kernel.api.StewardModule;

/**
 * The rules that docs/architecture.md states, for the modules of one code base. They are built from a base package
 * and a module list (in production: {@code org.steward} and the modules' descriptors), so that
 * {@link ArchitectureRulesTest} can break each one with fixtures and see it fail.
 */
final class ArchitectureRules {

    /**
     * A module as the rules see it: its root package ({@code <base>.consent}, {@code <base>.platform.crypto}) and
     * the prefix its tables carry ({@code consent_}; every platform part: {@code platform_}).
     */
    record Module(String name, String root, String tablePrefix) {

        /** {@code subject-rights} lives in {@code <base>.subjectrights}; {@code platform-crypto} in {@code <base>.platform.crypto}. */
        static Module of(String base, StewardModule descriptor) {
            String name = descriptor.name();
            boolean platform = name.startsWith("platform-");
            String root = base + "." + (platform ? "platform." + name.substring("platform-".length())
                    : name.replace("-", ""));
            return new Module(name, root, (platform ? "platform" : name.replace('-', '_')) + "_");
        }

        boolean platform() {
            return name.startsWith("platform-");
        }

        boolean contains(JavaClass type) {
            String p = type.getPackageName();
            return p.equals(root) || p.startsWith(root + ".");
        }
    }

    private final String base;
    private final List<Module> modules;

    ArchitectureRules(String base, List<Module> modules) {
        this.base = base;
        // Longest root first, so that a class is given to its most specific module.
        this.modules = modules.stream().sorted(Comparator.comparing((Module m) -> -m.root().length())).toList();
    }

    List<Module> modules() {
        return modules;
    }

    /** The top-level parts (app, platform, every domain module) depend on each other without a cycle. */
    ArchRule modulesAreFreeOfCycles() {
        return slices().matching(base + ".(*)..").namingSlices("$1").should().beFreeOfCycles();
    }

    /** The platform's parts (kernel, crypto, security, audit) depend on each other without a cycle. */
    ArchRule platformPartsAreFreeOfCycles() {
        return slices().matching(base + ".platform.(*)..").namingSlices("platform $1").should().beFreeOfCycles();
    }

    /** No two packages of the platform depend on each other, directly or around a loop. */
    ArchRule platformPackagesAreFreeOfCycles() {
        return slices().matching(base + ".platform.(**)").namingSlices("$1").should().beFreeOfCycles();
    }

    /** Outside module X, nothing touches {@code X.internal}: modules talk through their {@code api} packages. */
    ArchRule noClassReachesIntoAnotherModulesInternals() {
        return classes().that().resideInAPackage(base + "..").should(new ArchCondition<>(
                "not depend on another module's internal package") {
            @Override
            public void check(JavaClass origin, ConditionEvents events) {
                Optional<Module> own = moduleOf(origin);
                for (Dependency d : origin.getDirectDependenciesFromSelf()) {
                    moduleOf(d.getTargetClass())
                            .filter(target -> in(d.getTargetClass(), target, "internal"))
                            .filter(target -> own.map(o -> !o.equals(target)).orElse(true))
                            .ifPresent(target -> events.add(SimpleConditionEvent.violated(d,
                                    "reaches into " + target.name() + "'s internals: " + d.getDescription())));
                }
            }
        });
    }

    /** A module's {@code api} stands on its own: it does not depend on the module's internals. */
    ArchRule anApiDoesNotDependOnItsOwnInternals() {
        return classes().that().resideInAPackage(base + "..").should(new ArchCondition<>(
                "not depend on their own module's internals from its api") {
            @Override
            public void check(JavaClass origin, ConditionEvents events) {
                Optional<Module> own = moduleOf(origin).filter(m -> in(origin, m, "api"));
                if (own.isEmpty()) {
                    return;
                }
                for (Dependency d : origin.getDirectDependenciesFromSelf()) {
                    if (own.get().contains(d.getTargetClass()) && in(d.getTargetClass(), own.get(), "internal")) {
                        events.add(SimpleConditionEvent.violated(d, "the api of " + own.get().name()
                                + " depends on its internals: " + d.getDescription()));
                    }
                }
            }
        });
    }

    /** The platform depends on no domain module and not on the app. */
    ArchRule thePlatformDependsOnNoModuleAndNotOnTheApp() {
        String[] domain = modules.stream().filter(m -> !m.platform()).map(m -> m.root() + "..")
                .toArray(String[]::new);
        return noClasses().that().resideInAPackage(base + ".platform..")
                .should().dependOnClassesThat().resideInAnyPackage(domain)
                .orShould().dependOnClassesThat().resideInAPackage(base + ".app..");
    }

    ArchRule nothingButTheAppDependsOnTheApp() {
        return noClasses().that().resideOutsideOfPackage(base + ".app..")
                .should().dependOnClassesThat().resideInAPackage(base + ".app..");
    }

    /** A module refers to another module's data by id: no JPA relationship crosses a module boundary. */
    ArchRule noRelationshipCrossesAModule() {
        return fields().that().areAnnotatedWith(ManyToOne.class).or().areAnnotatedWith(OneToMany.class)
                .or().areAnnotatedWith(OneToOne.class).or().areAnnotatedWith(ManyToMany.class)
                .should(new ArchCondition<>("relate only to entities of their own module") {
                    @Override
                    public void check(JavaField field, ConditionEvents events) {
                        Optional<Module> own = moduleOf(field.getOwner());
                        for (JavaClass target : related(field.getType())) {
                            Optional<Module> other = moduleOf(target);
                            if (other.isPresent() && !other.equals(own)) {
                                events.add(SimpleConditionEvent.violated(field, field.getFullName()
                                        + " relates to " + target.getName() + " of module " + other.get().name()
                                        + ": refer to it by id"));
                            }
                        }
                    }
                }).allowEmptyShould(true);
    }

    /** Every entity maps to a table that carries its module's prefix. */
    ArchRule entityTablesCarryTheirModulesPrefix() {
        return classes().that().areAnnotatedWith(Entity.class).should(new ArchCondition<>(
                "map to a table named with their module's prefix") {
            @Override
            public void check(JavaClass entity, ConditionEvents events) {
                Optional<Module> own = moduleOf(entity);
                String table = entity.tryGetAnnotationOfType(Table.class).map(Table::name).orElse("");
                if (own.isEmpty() || !table.startsWith(own.get().tablePrefix())) {
                    events.add(SimpleConditionEvent.violated(entity, entity.getName() + " maps to table '" + table
                            + "', not one named " + own.map(Module::tablePrefix).orElse("<module>_") + "…"));
                }
            }
        }).allowEmptyShould(true);
    }

    /**
     * The tables that one module's migrations create or touch, each of which must carry the module's prefix. Comments
     * and string literals are left out; {@code allowed} lists "file → table" exceptions, each with its reason.
     *
     * @return one line per violation, empty when the migrations keep to their own tables
     */
    static List<String> migrationViolations(Module module, Map<String, String> sqlByFile, Set<String> allowed) {
        List<String> violations = new ArrayList<>();
        for (Map.Entry<String, String> file : sqlByFile.entrySet()) {
            for (String table : tablesTouched(file.getValue())) {
                if (!table.startsWith(module.tablePrefix()) && !allowed.contains(file.getKey() + " -> " + table)) {
                    violations.add(module.name() + ": " + file.getKey() + " touches " + table
                            + ", which is not one of its tables (" + module.tablePrefix() + "…)");
                }
            }
        }
        return violations;
    }

    private static final Pattern TABLE_REFERENCE = Pattern.compile("\\b(?:create\\s+table(?:\\s+if\\s+not\\s+exists)?"
            + "|alter\\s+table(?:\\s+if\\s+exists)?(?:\\s+only)?|drop\\s+table(?:\\s+if\\s+exists)?|insert\\s+into"
            + "|update|delete\\s+from|references|truncate(?:\\s+table)?|from|join"
            + "|create\\s+(?:unique\\s+)?index(?:\\s+if\\s+not\\s+exists)?\\s+\\w+\\s+on)\\s+([a-z_][a-z0-9_]*)");

    static Set<String> tablesTouched(String sql) {
        String code = sql.toLowerCase(Locale.ROOT)
                .replaceAll("(?s)/\\*.*?\\*/", " ")
                .replaceAll("--[^\\n]*", " ")
                .replaceAll("'(?:[^']|'')*'", "''");
        Set<String> tables = new TreeSet<>();
        Matcher m = TABLE_REFERENCE.matcher(code);
        while (m.find()) {
            tables.add(m.group(1));
        }
        return tables;
    }

    private Optional<Module> moduleOf(JavaClass type) {
        return modules.stream().filter(m -> m.contains(type)).findFirst();
    }

    private static boolean in(JavaClass type, Module module, String part) {
        String p = type.getPackageName();
        String root = module.root() + "." + part;
        return p.equals(root) || p.startsWith(root + ".");
    }

    /** The classes a relationship field points at: its type, or the type arguments of a collection or map. */
    private static List<JavaClass> related(JavaType type) {
        if (type instanceof JavaParameterizedType parameterized) {
            return parameterized.getActualTypeArguments().stream().flatMap(t -> Stream.of(t.toErasure())).toList();
        }
        return List.of(type.toErasure());
    }
}
