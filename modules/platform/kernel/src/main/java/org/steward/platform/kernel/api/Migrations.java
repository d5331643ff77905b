package org.steward.platform.kernel.api;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.logging.Logger;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.output.MigrateResult;

/**
 * Each module owns its migrations ({@code db/migration/<folder>}) and its own history table, so modules version their
 * schemas independently. The folders come from the modules' descriptors ({@link StewardModule}); no migration may
 * touch another module's tables, so their order only has to be stable (the platform first).
 *
 * <p>A module whose history already holds exactly its migrations (same versions, scripts and checksums, none failed)
 * is left alone: setting Flyway up for it would only confirm that, and that was most of a restart's migration time.
 * Any difference, or anything unusual, runs Flyway for that module as before, with its validation.
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
        List<String> upToDate = new ArrayList<>();
        for (String module : folders(classLoader)) {
            if (classLoader.getResource("db/migration/" + module) == null) {
                continue; // a module with no tables yet
            }
            if (upToDate(dataSource, classLoader, module)) {
                upToDate.add(module);
                continue;
            }
            MigrateResult result = Flyway.configure(classLoader)
                    .dataSource(dataSource)
                    .locations("classpath:db/migration/" + module)
                    .table(historyTable(module))
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
        if (!upToDate.isEmpty()) {
            LOG.info("Schemas up to date, Flyway not needed: " + String.join(", ", upToDate));
        }
        return applied;
    }

    /** Whether the module's history table records exactly the migrations on the class path, all successful. */
    static boolean upToDate(DataSource dataSource, ClassLoader classLoader, String module) {
        Optional<Set<MigrationFiles.Migration>> available = MigrationFiles.available(classLoader, module);
        if (available.isEmpty() || available.get().isEmpty()) {
            return false;
        }
        try (Connection c = dataSource.getConnection()) {
            return MigrationFiles.applied(c, historyTable(module)).filter(available.get()::equals).isPresent();
        } catch (SQLException e) {
            return false; // Flyway will report what is wrong
        }
    }

    static String historyTable(String module) {
        return module.replace('-', '_') + "_schema_history";
    }
}
