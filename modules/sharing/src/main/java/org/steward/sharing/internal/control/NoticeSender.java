package org.steward.sharing.internal.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.control.ActivateRequestContext;
import jakarta.inject.Inject;
import java.net.URI;
import java.time.Clock;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.steward.platform.kernel.api.mail.MailNotSent;
import org.steward.platform.kernel.api.mail.Mailer;
import org.steward.sharing.internal.connector.WebhookSender;
import org.steward.sharing.internal.entity.Subscription;

/** Sends one claimed notice delivery, by mail or signed webhook, and records how it went. */
@ApplicationScoped
public class NoticeSender {

    private static final Logger LOG = Logger.getLogger(NoticeSender.class.getName());

    @Inject
    NoticeDeliveries deliveries;

    @Inject
    Connectors connectors;

    @Inject
    Mailer mailer;

    @Inject
    Clock clock;

    /** Off the timer's thread: activates the request context the beans need. */
    @ActivateRequestContext
    public void carry(NoticeDeliveries.Outgoing out) {
        String error;
        try {
            error = send(out);
        } catch (RuntimeException e) {
            LOG.log(Level.FINE, "A notice delivery failed; it is retried", e);
            error = e.getClass().getSimpleName();
        }
        if (error == null) {
            deliveries.delivered(out.deliveryId());
        } else {
            deliveries.failed(out.deliveryId(), error);
        }
    }

    /** Null when it got through, else what went wrong (never an address or a body). */
    private String send(NoticeDeliveries.Outgoing out) {
        if (out.target().channel() == Subscription.Channel.EMAIL) {
            if (!mailer.configured()) {
                return "no SMTP host configured";
            }
            try {
                mailer.send(out.target().address(), out.subject(), out.text(), out.deliveryId());
                return null;
            } catch (MailNotSent e) {
                return e.getMessage();
            }
        }
        WebhookSender.Result r = connectors.webhooks().send(URI.create(out.target().address()), "subprocessor.notice",
                out.deliveryId(), out.target().secret(), out.json(), clock.instant().getEpochSecond());
        return r.delivered() ? null : r.toString();
    }
}
