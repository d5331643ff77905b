package org.steward.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.lang.ArchRule;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.steward.app.ArchitectureRules.Module;

/**
 * Each architecture rule fails on a deliberate violation (the fixtures in {@code org.steward.archfixture}), so that a
 * green {@link ModuleArchitectureTest} means something.
 */
class ArchitectureRulesTest {

    private static final String BASE = "org.steward.archfixture";
    private static final Module ALPHA = new Module("alpha", BASE + ".alpha", "alpha_");

    private static JavaClasses fixtures;
    private static ArchitectureRules rules;

    @BeforeAll
    static void importFixtures() {
        fixtures = new ClassFileImporter().importPackages(BASE);
        rules = new ArchitectureRules(BASE, List.of(
                new Module("platform-kernel", BASE + ".platform.kernel", "platform_"),
                new Module("platform-crypto", BASE + ".platform.crypto", "platform_"),
                ALPHA, new Module("beta", BASE + ".beta", "beta_")));
    }

    @Test
    void aCycleBetweenModulesFails() {
        assertFails(rules.modulesAreFreeOfCycles(), "alpha", "beta");
    }

    @Test
    void aCycleBetweenPlatformPartsFails() {
        assertFails(rules.platformPartsAreFreeOfCycles(), "KernelThing", "CryptoThing");
    }

    @Test
    void aPackageCycleInsideThePlatformFails() {
        assertFails(rules.platformPackagesAreFreeOfCycles(), "kernel.api.one", "kernel.api.two");
    }

    @Test
    void reachingIntoAnotherModulesInternalsFails() {
        assertFails(rules.noClassReachesIntoAnotherModulesInternals(), "ReachesIntoBeta", "beta's internals");
    }

    @Test
    void anApiThatExposesItsInternalsFails() {
        assertFails(rules.anApiDoesNotDependOnItsOwnInternals(), "LeakyApi", "AlphaThing");
    }

    @Test
    void aPlatformThatDependsOnAModuleFails() {
        assertFails(rules.thePlatformDependsOnNoModuleAndNotOnTheApp(), "KernelThing", "AlphaApi");
    }

    @Test
    void aModuleThatDependsOnTheAppFails() {
        assertFails(rules.nothingButTheAppDependsOnTheApp(), "UsesApp", "AppThing");
    }

    @Test
    void aRelationshipAcrossModulesFails() {
        assertFails(rules.noRelationshipCrossesAModule(), "AlphaOrder.customer", "BetaCustomer");
    }

    @Test
    void anEntityOnAnotherModulesTableFails() {
        assertFails(rules.entityTablesCarryTheirModulesPrefix(), "Misnamed", "beta_misnamed");
    }

    @Test
    void aMigrationThatTouchesAnotherModulesTableFails() {
        Map<String, String> sql = Map.of(
                "V1__own.sql", "CREATE TABLE alpha_thing (id VARCHAR(36) PRIMARY KEY);\n"
                        + "-- copied from beta_customer once, in a comment: not a reference\n"
                        + "INSERT INTO alpha_thing (id) VALUES ('from beta_customer');",
                "V2__foreign.sql", "ALTER TABLE alpha_thing ADD COLUMN c VARCHAR(36) REFERENCES beta_customer (id);\n"
                        + "INSERT INTO alpha_thing (id) SELECT id FROM beta_thing;\nDELETE FROM platform_secret;");
        assertThat(ArchitectureRules.migrationViolations(ALPHA, sql, Set.of()))
                .containsExactlyInAnyOrder(
                        "alpha: V2__foreign.sql touches beta_customer, which is not one of its tables (alpha_…)",
                        "alpha: V2__foreign.sql touches beta_thing, which is not one of its tables (alpha_…)",
                        "alpha: V2__foreign.sql touches platform_secret, which is not one of its tables (alpha_…)");
        assertThat(ArchitectureRules.migrationViolations(ALPHA, sql, Set.of("V2__foreign.sql -> beta_customer",
                "V2__foreign.sql -> beta_thing", "V2__foreign.sql -> platform_secret"))).isEmpty();
    }

    @Test
    void tablesAreFoundInEveryKindOfStatement() {
        assertThat(ArchitectureRules.tablesTouched("create table if not exists a_t (x int); "
                + "CREATE UNIQUE INDEX a_i ON a_u (x); UPDATE a_v SET x = 1; drop table a_w; "
                + "select * from a_x join a_y on true; truncate a_z"))
                .containsExactly("a_t", "a_u", "a_v", "a_w", "a_x", "a_y", "a_z");
    }

    private static void assertFails(ArchRule rule, String... mentions) {
        assertThatThrownBy(() -> rule.check(fixtures)).isInstanceOf(AssertionError.class)
                .satisfies(e -> assertThat(e.getMessage()).contains(mentions));
    }
}
