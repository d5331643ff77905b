package org.steward.app;

import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import java.io.IOException;
import java.net.JarURLConnection;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Enumeration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.steward.platform.kernel.api.StewardModule;

/**
 * The module boundaries of the real code: every rule of docs/architecture.md, over the modules that their own
 * descriptors announce (nothing here lists them). {@link ArchitectureRulesTest} shows that each rule fails when it is
 * broken.
 */
class ModuleArchitectureTest {

    /**
     * Migrations that touch another module's table, each with its reason. Applied migrations cannot be edited (Flyway
     * checks their checksums), so a historic exception stays listed here.
     */
    private static final Set<String> ALLOWED_FOREIGN_TABLES = Set.of(
            // Consent kept its own receipt-signing secret before the platform's Signer existed; V3 deletes that row.
            "V3__receipts_signed_by_platform_signer.sql -> platform_secret");

    private static JavaClasses classes;
    private static ArchitectureRules rules;

    @BeforeAll
    static void importClasses() {
        classes = new ClassFileImporter()
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("org.steward");
        rules = new ArchitectureRules("org.steward", StewardModule.all(loader()).stream()
                .map(d -> ArchitectureRules.Module.of("org.steward", d)).toList());
    }

    @Test
    void theImportSeesEveryModule() {
        // Guards the rules below against passing vacuously on a class path that lost a module.
        assertThat(rules.modules()).extracting(ArchitectureRules.Module::name).contains("platform-kernel",
                "platform-crypto", "platform-security", "platform-audit", "identity", "consent", "subject-rights",
                "retention", "sharing", "atlassian");
        for (ArchitectureRules.Module m : rules.modules()) {
            assertThat(classes.stream().map(JavaClass::getPackageName).anyMatch(p -> p.startsWith(m.root())))
                    .as("classes of module %s in %s", m.name(), m.root()).isTrue();
        }
        assertThat(classes.containPackage("org.steward.app")).isTrue();
        assertThat(classes.stream().map(JavaClass::getName)).doesNotContain(getClass().getName());
    }

    @Test
    void modulesAreFreeOfCycles() {
        rules.modulesAreFreeOfCycles().check(classes);
    }

    @Test
    void platformPartsAreFreeOfCycles() {
        rules.platformPartsAreFreeOfCycles().check(classes);
    }

    @Test
    void platformPackagesAreFreeOfCycles() {
        rules.platformPackagesAreFreeOfCycles().check(classes);
    }

    @Test
    void noClassOutsideAModuleReachesIntoItsInternals() {
        rules.noClassReachesIntoAnotherModulesInternals().check(classes);
    }

    @Test
    void anApiDoesNotDependOnItsOwnInternals() {
        rules.anApiDoesNotDependOnItsOwnInternals().check(classes);
    }

    @Test
    void thePlatformDependsOnNoModuleAndNotOnTheApp() {
        rules.thePlatformDependsOnNoModuleAndNotOnTheApp().check(classes);
    }

    @Test
    void nothingButTheAppDependsOnTheApp() {
        rules.nothingButTheAppDependsOnTheApp().check(classes);
    }

    @Test
    void noRelationshipCrossesAModule() {
        rules.noRelationshipCrossesAModule().check(classes);
    }

    @Test
    void entityTablesCarryTheirModulesPrefix() {
        rules.entityTablesCarryTheirModulesPrefix().check(classes);
    }

    /**
     * One persistence unit holds every module's entities, and JPA names an entity by its simple class name: two
     * modules' {@code Notice} would fail the deployment (EclipseLink-7237), so the build catches it first.
     */
    @Test
    void entityNamesAreUniqueAcrossModules() {
        java.util.Map<String, List<String>> byName = new java.util.TreeMap<>();
        classes.stream().filter(c -> c.isAnnotatedWith(jakarta.persistence.Entity.class)).forEach(c -> {
            String name = c.getAnnotationOfType(jakarta.persistence.Entity.class).name();
            byName.computeIfAbsent(name.isEmpty() ? c.getSimpleName() : name, k -> new ArrayList<>())
                    .add(c.getName());
        });
        assertThat(byName).isNotEmpty();
        assertThat(byName.entrySet().stream().filter(e -> e.getValue().size() > 1).map(Object::toString).toList())
                .as("entity names used by more than one class").isEmpty();
    }

    @Test
    void migrationsTouchOnlyTheirModulesTables() throws Exception {
        List<String> violations = new ArrayList<>();
        int files = 0;
        for (URL descriptor : java.util.Collections.list(loader().getResources(StewardModule.DESCRIPTOR))) {
            StewardModule module = StewardModule.read(descriptor);
            if (module.migrations() == null) {
                continue;
            }
            Map<String, String> sql = migrations(descriptor, "db/migration/" + module.migrations() + "/");
            files += sql.size();
            violations.addAll(ArchitectureRules.migrationViolations(
                    ArchitectureRules.Module.of("org.steward", module), sql, ALLOWED_FOREIGN_TABLES));
        }
        assertThat(files).as("migration files found").isGreaterThan(10);
        assertThat(violations).isEmpty();
    }

    private static ClassLoader loader() {
        return ModuleArchitectureTest.class.getClassLoader();
    }

    /** The SQL files under {@code folder} in the JAR or class directory that holds this descriptor. */
    private static Map<String, String> migrations(URL descriptor, String folder) throws IOException,
            URISyntaxException {
        Map<String, String> sql = new TreeMap<>();
        if ("jar".equals(descriptor.getProtocol())) {
            JarURLConnection connection = (JarURLConnection) descriptor.openConnection();
            connection.setUseCaches(false);
            try (JarFile jar = connection.getJarFile()) {
                for (Enumeration<JarEntry> e = jar.entries(); e.hasMoreElements(); ) {
                    JarEntry entry = e.nextElement();
                    if (entry.getName().startsWith(folder) && entry.getName().endsWith(".sql")) {
                        sql.put(entry.getName().substring(folder.length()),
                                new String(jar.getInputStream(entry).readAllBytes(), StandardCharsets.UTF_8));
                    }
                }
            }
        } else {
            Path root = Path.of(descriptor.toURI()).getParent().getParent().getParent();
            Path dir = root.resolve(folder);
            if (Files.isDirectory(dir)) {
                try (Stream<Path> files = Files.list(dir)) {
                    for (Path f : files.filter(p -> p.toString().endsWith(".sql")).toList()) {
                        sql.put(f.getFileName().toString(), Files.readString(f));
                    }
                }
            }
        }
        return sql;
    }
}
