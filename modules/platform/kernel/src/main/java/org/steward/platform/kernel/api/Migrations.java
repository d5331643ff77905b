package org.steward.platform.kernel.api;

import java.util.List;
import java.util.Objects;
import java.util.logging.Logger;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.output.MigrateResult;

/**
 * Each module owns its migrations ({@code db/migration/<folder>}) and its own history table, so modules version their
 * schemas independently. The folders come from the modules' descriptors ({@link StewardModule}); no migration may
 * touch another module's tables, so their order only has to be stable (the platform first).
 */
public final class Migrations {

    private static final Logger LOG = Logger.getLogger(Migrations.class.getName());

    private Migrations() {
    }

    /** The migration folders of the modules on the class path, once each, in {@link StewardModule#all} order. */
    public static List<String> folders(ClassLoader classLoader) {
        return StewardModule.all(classLoader).stream().map(StewardModule::migrations).filter(Objects::nonNull)
                .distinct().toList();
    }

    public static int migrate(DataSource dataSource, ClassLoader classLoader) {
        int applied = 0;
        for (String module : folders(classLoader)) {
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
