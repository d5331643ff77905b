package org.steward.app;

import java.util.List;
import java.util.logging.Logger;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.output.MigrateResult;

/**
 * Each module owns its migrations ({@code db/migration/<module>}) and its own history table, so modules version their
 * schemas independently. The order follows the module dependencies.
 */
public final class Migrations {

    public static final List<String> MODULES =
            List.of("platform", "identity", "consent", "subject-rights", "retention", "sharing");

    private static final Logger LOG = Logger.getLogger(Migrations.class.getName());

    private Migrations() {
    }

    public static int migrate(DataSource dataSource, ClassLoader classLoader) {
        int applied = 0;
        for (String module : MODULES) {
            if (classLoader.getResource("db/migration/" + module) == null) {
                continue; // a module with no tables yet
            }
            MigrateResult result = Flyway.configure(classLoader)
                    .dataSource(dataSource)
                    .locations("classpath:db/migration/" + module)
                    .table(module.replace('-', '_') + "_schema_history")
                    .failOnMissingLocations(false)
                    // Modules share one schema: a module's first run finds the others' tables, so it baselines
                    // below its own V1 and then applies all of its migrations.
                    .baselineOnMigrate(true)
                    .baselineVersion("0")
                    .load()
                    .migrate();
            applied += result.migrationsExecuted;
            if (result.migrationsExecuted > 0) {
                LOG.info("Module " + module + ": applied " + result.migrationsExecuted + " migration(s), now at "
                        + result.targetSchemaVersion);
            }
        }
        return applied;
    }
}
