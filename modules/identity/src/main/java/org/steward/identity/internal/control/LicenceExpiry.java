package org.steward.identity.internal.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.steward.platform.kernel.api.ScheduledJob;
import org.steward.platform.kernel.api.Times;

/** Marks licences past their expiry date as expired, in chunks, each tenant in its own transaction. */
@ApplicationScoped
public class LicenceExpiry implements ScheduledJob {

    private static final Logger LOG = Logger.getLogger(LicenceExpiry.class.getName());
    private static final int CHUNK = 200;

    @Inject
    Tenants tenants;

    @Inject
    Clock clock;

    @Inject
    @ConfigProperty(name = "steward.identity.licence-check-period", defaultValue = "PT1H")
    Duration period;

    @Override
    public String name() {
        return "licence-expiry";
    }

    @Override
    public Duration period() {
        return period;
    }

    @Override
    public void run() {
        LocalDate today = Times.now(clock).toLocalDate();
        int expired = 0;
        List<String> due;
        int round;
        do {
            due = tenants.dueForExpiry(today, CHUNK);
            round = 0;
            for (String id : due) {
                if (tenants.expire(id, today)) {
                    round++;
                }
            }
            expired += round;
            // A full chunk that another instance claimed entirely means it is working the backlog too.
        } while (due.size() == CHUNK && round > 0);
        if (expired > 0) {
            LOG.info("Expired " + expired + " licence(s)");
        }
    }
}
