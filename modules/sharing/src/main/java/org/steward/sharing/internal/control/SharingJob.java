package org.steward.sharing.internal.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Duration;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.steward.platform.kernel.api.ScheduledJob;
import org.steward.platform.kernel.api.Times;
import org.steward.platform.kernel.api.mail.MailNotSent;
import org.steward.platform.kernel.api.mail.Mailer;
import org.steward.sharing.internal.connector.WebhookSender;
import org.steward.sharing.internal.entity.Subscription;

/**
 * The sharing module's periodic work, on every instance (leases keep the instances apart): changes whose objection
 * window ended take effect, notices go out to subscribers, and propagations go to recipients.
 */
@ApplicationScoped
public class SharingJob implements ScheduledJob {

    private static final Logger LOG = Logger.getLogger(SharingJob.class.getName());

    @Inject
    Register register;

    @Inject
    NoticeDeliveries deliveries;

    @Inject
    PropagationDispatch propagations;

    @Inject
    Connectors connectors;

    @Inject
    Callbacks callbacks;

    @Inject
    Mailer mailer;

    @Inject
    SharingConfig config;

    @Inject
    Clock clock;

    @Override
    public String name() {
        return "sharing";
    }

    @Override
    public Duration period() {
        return config.period();
    }

    @Override
    public void run() {
        try {
            register.applyDue(Times.now(clock));
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "Applying due register changes failed; the next period retries", e);
        }
        for (String id : deliveries.due()) {
            deliver(id);
        }
        propagations.run();
        try {
            callbacks.forgetExpired();
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "Forgetting old callback signatures failed; the next period retries", e);
        }
    }

    private void deliver(String deliveryId) {
        NoticeDeliveries.Outgoing out;
        try {
            out = deliveries.claim(deliveryId);
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "Claiming a notice delivery failed; it is retried", e);
            return;
        }
        if (out == null) {
            return;
        }
        String error;
        try {
            error = send(out);
        } catch (RuntimeException e) {
            error = e.getClass().getSimpleName();
        }
        if (error == null) {
            deliveries.delivered(deliveryId);
        } else {
            deliveries.failed(deliveryId, error);
        }
    }

    /** Sends one delivery; null when it got through, else what went wrong (never an address or a body). */
    private String send(NoticeDeliveries.Outgoing out) {
        if (out.target().channel() == Subscription.Channel.EMAIL) {
            if (!mailer.configured()) {
                return "no SMTP host configured";
            }
            try {
                mailer.send(out.target().address(), out.subject(), out.text());
                return null;
            } catch (MailNotSent e) {
                return e.getMessage();
            }
        }
        WebhookSender.Result r = connectors.webhooks().send(java.net.URI.create(out.target().address()),
                "subprocessor.notice", out.deliveryId(), out.target().secret(), out.json(),
                clock.instant().getEpochSecond());
        return r.outcome() == WebhookSender.Outcome.DELIVERED ? null : r.toString();
    }
}
