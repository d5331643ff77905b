package org.steward.app.demo;

import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedExecutorService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.EnumSet;
import java.util.Set;
import java.util.concurrent.atomic.AtomicReference;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.steward.app.Readiness;
import org.steward.platform.kernel.api.DemoTime;
import org.steward.platform.security.api.AdminAccount;
import org.steward.platform.security.api.Role;

/**
 * The demo switch ({@code STEWARD_DEMO=enabled}): on the first request after start-up (which tells the loader the
 * port it may call itself on), an empty database is filled with the fictional {@link DemoDataset}, and the demo's
 * users are shown once on the console. A database that already holds tenants is left alone.
 */
@ApplicationScoped
public class DemoData {

    private static final Logger LOG = Logger.getLogger(DemoData.class.getName());

    public enum State { OFF, WAITING, LOADING, LOADED, SKIPPED, FAILED }

    @Inject
    DemoTime time;

    @Inject
    AdminAccount accounts;

    @Inject
    Readiness readiness;

    @Resource
    ManagedExecutorService executor;

    private final AtomicReference<State> state = new AtomicReference<>();

    public State state() {
        state.compareAndSet(null, time.enabled() ? State.WAITING : State.OFF);
        return state.get();
    }

    /** Starts the load once, on this server's own loopback address. */
    public void start(String base) {
        if (state() != State.WAITING || !readiness.started() || !state.compareAndSet(State.WAITING, State.LOADING)) {
            return;
        }
        executor.submit(() -> load(base));
    }

    private void load(String base) {
        try {
            Instant now = Instant.now();
            String loader;
            try {
                loader = accounts.createWithGeneratedPassword("demo-loader", EnumSet.of(Role.ADMIN,
                        Role.PRIVACY_OFFICER));
            } catch (RuntimeException e) {
                LOG.info("Demo data not loaded: this database was set up before (the demo-loader user exists)");
                state.set(State.SKIPPED);
                return;
            }
            DemoApi api = new DemoApi(base, "demo-loader", loader);
            if (!api.get("/api/v1/tenants").getJsonArray("items").isEmpty()) {
                LOG.info("Demo data not loaded: the database already holds tenants");
                state.set(State.SKIPPED);
                return;
            }
            StringBuilder users = new StringBuilder();
            for (var user : new Object[][]{{"dpo", Role.PRIVACY_OFFICER}, {"auditor", Role.AUDITOR},
                    {"support", Role.SUPPORT_AGENT}}) {
                String password = accounts.createWithGeneratedPassword((String) user[0], Set.of((Role) user[1]));
                users.append("\n===   ").append(user[0]).append(" (").append(user[1]).append("): ").append(password);
            }
            long t0 = System.nanoTime();
            new DemoDataset(api, time, now).load();
            String loaderId = api.get("/api/v1/me").getString("id", null);
            if (loaderId != null) {
                api.patch("/api/v1/users/" + loaderId, "{\"enabled\":false}");
            }
            state.set(State.LOADED);
            // Like the admin's first password: to the console, once, never through the logger.
            System.out.println("\n=== Steward demo: the fictional dataset is loaded (" + (System.nanoTime() - t0)
                    / 1_000_000_000 + " s). Open /console and log in as:" + users
                    + "\n=== (or as 'admin'). Every person in it is invented. Never use STEWARD_DEMO in production.\n");
        } catch (RuntimeException e) {
            time.backToNow();
            state.set(State.FAILED);
            LOG.log(Level.WARNING, "Demo data: loading failed", e);
        }
    }
}
