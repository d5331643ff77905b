package org.steward.app;

import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.SQLException;
import javax.sql.DataSource;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;

/**
 * {@code /health/ready} reflects Steward itself: start-up (migrations included) has completed and the database
 * answers. Payara answers 503 "No Application deployed" on its own when the WAR failed to deploy.
 */
@org.eclipse.microprofile.health.Readiness
@ApplicationScoped
public class ReadinessCheck implements HealthCheck {

    @Inject
    org.steward.app.Readiness readiness;

    @Resource(lookup = "java:app/jdbc/steward")
    DataSource dataSource;

    @Override
    public HealthCheckResponse call() {
        boolean database;
        try (Connection c = dataSource.getConnection()) {
            database = c.isValid(2);
        } catch (SQLException e) {
            database = false;
        }
        boolean up = database && readiness.started();
        return HealthCheckResponse.named("steward")
                .status(up)
                .withData("database", database)
                .withData("migrated", readiness.started())
                .build();
    }
}
