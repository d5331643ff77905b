package org.steward.testing.container;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.Resource;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.ejb.TransactionManagement;
import jakarta.ejb.TransactionManagementType;
import java.util.logging.Logger;
import javax.sql.DataSource;
import org.eclipse.microprofile.config.ConfigProvider;
import org.flywaydb.core.Flyway;

/**
 * The deployment's start-up, as the app's start-up EJB does it: each module's migrations ({@code db/migration/<name>},
 * own history table, baselined below V1 because the modules share one schema), in the order the deployment builder
 * found them. What else a module needs at start-up (a blind-index key...) its test does in its own set-up.
 */
@Startup
@Singleton
@TransactionManagement(TransactionManagementType.BEAN)
public class TierStartup {

    /** The setting that names the migration folders, in order. */
    public static final String MIGRATIONS = "steward.tier.migrations";

    private static final Logger LOG = Logger.getLogger(TierStartup.class.getName());

    @Resource(lookup = "java:app/jdbc/steward")
    DataSource dataSource;

    @PostConstruct
    void migrate() {
        long t0 = System.nanoTime();
        String modules = ConfigProvider.getConfig().getOptionalValue(MIGRATIONS, String.class).orElse("");
        ClassLoader loader = getClass().getClassLoader();
        int applied = 0;
        for (String module : modules.split(",")) {
            if (module.isBlank()) {
                continue;
            }
            applied += Flyway.configure(loader)
                    .dataSource(dataSource)
                    .locations("classpath:db/migration/" + module)
                    .table(module.replace('-', '_') + "_schema_history")
                    .failOnMissingLocations(false)
                    .baselineOnMigrate(true)
                    .baselineVersion("0")
                    .load()
                    .migrate().migrationsExecuted;
        }
        LOG.info("Module tier: " + applied + " migration(s) of [" + modules + "] in "
                + (System.nanoTime() - t0) / 1_000_000 + " ms");
    }
}
