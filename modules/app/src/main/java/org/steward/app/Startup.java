package org.steward.app;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.Resource;
import jakarta.annotation.sql.DataSourceDefinition;
import jakarta.ejb.ConcurrencyManagement;
import jakarta.ejb.ConcurrencyManagementType;
import jakarta.ejb.Singleton;
import jakarta.ejb.Timeout;
import jakarta.ejb.Timer;
import jakarta.ejb.TimerConfig;
import jakarta.ejb.TimerService;
import jakarta.ejb.TransactionManagement;
import jakarta.ejb.TransactionManagementType;
import jakarta.enterprise.inject.Any;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Clock;
import java.util.Optional;
import java.util.logging.Level;
import java.util.logging.Logger;
import javax.sql.DataSource;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.steward.platform.crypto.api.Crypto;
import org.steward.platform.crypto.api.IndexKind;
import org.steward.platform.kernel.api.InstanceId;
import org.steward.platform.kernel.api.Migrations;
import org.steward.platform.kernel.api.ScheduledJob;
import org.steward.platform.security.api.AdminAccount;

/**
 * Start-up work, before any traffic: migrations, server-wide keys, then the modules' timers. It lives in the WAR as
 * a start-up EJB because a CDI start-up observer in a module JAR fails inside an EAR.
 */
@jakarta.ejb.Startup
@Singleton
@ConcurrencyManagement(ConcurrencyManagementType.BEAN)
@TransactionManagement(TransactionManagementType.BEAN)
@DataSourceDefinition(
        name = "java:app/jdbc/steward",
        className = "${MPCONFIG=steward.db.driver}",
        url = "${MPCONFIG=steward.db.url}",
        user = "${MPCONFIG=steward.db.user}",
        password = "${MPCONFIG=steward.db.password}",
        minPoolSize = 2,
        maxPoolSize = 32,
        // Seconds a new connection may take: a database that does not answer fails the request, not hangs it.
        loginTimeout = 5,
        // Payara's pool attributes, for an application-defined datasource (WAR, uber-jar and EAR alike). A pooled
        // connection is checked (JDBC 4 isValid: PostgreSQL and H2) before it is handed out, a failed check drops
        // every pooled connection at once (they were all cut together), and a request waits at most 2 s for one.
        properties = {
                "fish.payara.is-connection-validation-required=true",
                "fish.payara.connection-validation-method=custom-validation",
                "fish.payara.validation-classname=org.glassfish.api.jdbc.validation.JDBC40ConnectionValidation",
                "fish.payara.fail-all-connections=true",
                "fish.payara.max-wait-time-in-millis=2000"})
public class Startup {

    private static final Logger LOG = Logger.getLogger(Startup.class.getName());

    @Resource(lookup = "java:app/jdbc/steward")
    DataSource dataSource;

    @Resource
    TimerService timers;

    @PersistenceContext
    EntityManager em;

    @Inject
    Crypto crypto;

    @Inject
    @Any
    Instance<ScheduledJob> jobs;

    @Inject
    Readiness readiness;

    @Inject
    AdminAccount admin;

    /**
     * Resolved before anything else runs: a testing-clock setting other than unset or {@code enabled} stops the
     * start-up here, with its reason, and an enabled one logs its warning first.
     */
    @Inject
    Clock clock;

    @Inject
    @ConfigProperty(name = "steward.admin.password")
    Optional<String> adminPassword;

    @PostConstruct
    void start() {
        long t0 = System.nanoTime();
        Migrations.migrate(dataSource, getClass().getClassLoader());
        QueryRetry.limit(em);
        try {
            crypto.ensureBlindIndexKey();
        } catch (RuntimeException e) {
            // Two instances starting on one database race to create the key; the loser finds the winner's.
            if (!crypto.hasBlindIndexKey()) {
                throw e;
            }
        }
        try {
            crypto.blindIndex(IndexKind.EMAIL, "start-up probe");
        } catch (RuntimeException e) {
            // Serving with a master key that cannot open this database's keys would answer 500 to every request.
            throw new IllegalStateException("This instance's master key cannot unwrap the keys stored in the database."
                    + " Every instance on one database needs the same STEWARD_CRYPTO_MASTER_KEY (and the same"
                    + " STEWARD_CRYPTO_PREVIOUS_MASTER_KEYS): " + e.getMessage(), e);
        }
        admin.ensureAdmin(adminPassword).ifPresent(Startup::announce);
        for (ScheduledJob job : jobs) {
            long ms = job.period().toMillis();
            timers.createIntervalTimer(ms, ms, new TimerConfig(job.name(), false));
            LOG.info("Scheduled " + job.name() + " every " + job.period());
        }
        readiness.markStarted();
        LOG.info("Steward started in " + (System.nanoTime() - t0) / 1_000_000 + " ms; its clock reads "
                + clock.instant() + "; the leases it takes are held as " + InstanceId.get());
    }

    /**
     * The generated first password goes to the console once, deliberately not through the logger: log files are
     * kept and shipped, a console is watched by whoever started the server. Only its hash is stored.
     */
    private static void announce(String password) {
        System.out.println("\n=== Steward: first start. Log in as 'admin' with password: " + password
                + "\n=== It is shown only now. Change it, or set STEWARD_ADMIN_PASSWORD before the first start.\n");
    }

    @Timeout
    void tick(Timer timer) {
        for (ScheduledJob job : jobs) {
            if (job.name().equals(timer.getInfo())) {
                try {
                    job.run();
                } catch (RuntimeException e) {
                    // Keep the timer alive: the next period retries. Jobs are idempotent.
                    LOG.log(Level.WARNING, "Scheduled job " + job.name() + " failed; it runs again next period", e);
                }
            }
        }
    }
}
