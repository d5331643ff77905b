package org.steward.app.demo;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

/** With the demo switch on, the server is ready once the demo dataset is in (or was found loaded before). */
@Readiness
@ApplicationScoped
public class DemoHealth implements HealthCheck {

    @Inject
    DemoData demo;

    @Override
    public HealthCheckResponse call() {
        DemoData.State state = demo.state();
        boolean up = state == DemoData.State.OFF || state == DemoData.State.LOADED
                || state == DemoData.State.SKIPPED;
        return HealthCheckResponse.named("demo").status(up).withData("state", state.name()).build();
    }
}
