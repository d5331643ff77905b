package org.steward.sharing.internal.control;

import static org.steward.platform.kernel.api.Jsonp.JSON;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.control.ActivateRequestContext;
import jakarta.inject.Inject;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.List;
import org.steward.sharing.internal.entity.Subprocessor;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.steward.sharing.internal.connector.OpenDsr;
import org.steward.sharing.internal.connector.OpenDsrClient;
import org.steward.sharing.internal.connector.WebhookSender;

/**
 * Sends due propagation tasks through their recipient's connector and, for OpenDSR, asks the processor for the
 * status of what it was sent (a fallback for callbacks that never come). Each task is leased by a conditional
 * UPDATE, sent outside any transaction, and marked in a transaction of its own; a retry sends the same request
 * (the same {@code Steward-Delivery} id, the same OpenDSR {@code subject_request_id}), so a recipient never acts
 * twice on one task.
 */
@ApplicationScoped
public class PropagationDispatch {

    private static final Logger LOG = Logger.getLogger(PropagationDispatch.class.getName());

    @Inject
    PropagationOutbox outbox;

    @Inject
    Connectors connectors;

    @Inject
    SharingConfig config;

    @Inject
    Clock clock;

    /**
     * Sends one claimed task, or asks for its status; off the timer's thread (a slow recipient must not hold up the
     * others), so it activates the request context the beans need. Failures are recorded for the retry.
     */
    @ActivateRequestContext
    public void carry(PropagationOutbox.Outgoing out) {
        try {
            if (out.poll()) {
                poll(out);
            } else {
                send(out);
            }
        } catch (OpenDsrClient.Failed e) {
            outbox.failed(out.id(), e.getMessage());
        } catch (RuntimeException e) {
            LOG.log(Level.FINE, "A propagation task failed; it is retried", e);
            outbox.failed(out.id(), e.getClass().getSimpleName());
        }
    }

    private void send(PropagationOutbox.Outgoing out) {
        if (out.connector() == Subprocessor.Connector.WEBHOOK) {
            WebhookSender.Result r = connectors.webhooks().send(out.endpoint(), "propagation.requested", out.id(),
                    out.secret(), webhookBody(out), clock.instant().getEpochSecond());
            if (r.delivered()) {
                outbox.sent(out.id(), null);
            } else {
                outbox.failed(out.id(), r.toString());
            }
            return;
        }
        OpenDsr.Type type = OpenDsr.Type.forKind(out.kind().name()).orElse(null);
        if (type == null) {
            outbox.manual(out.id(), "OpenDSR has no request type for " + out.kind()
                    + ": carry it out with the processor and confirm it here");
            return;
        }
        connectors.openDsr().submit(out.endpoint(), OpenDsr.request(out.remoteRef(), type,
                out.requestedAt().toInstant(), out.payload(), callbackUrl("/api/v1/public/sharing/opendsr/callback")));
        outbox.sent(out.id(), out.remoteRef());
    }

    private void poll(PropagationOutbox.Outgoing out) {
        String status = connectors.openDsr().status(out.endpoint(), out.remoteRef()).requestStatus();
        outbox.polled(out.id(), status);
    }

    byte[] webhookBody(PropagationOutbox.Outgoing out) {
        var task = JSON.createObjectBuilder().add("id", out.id()).add("kind", out.kind().name())
                .add("categories", JSON.createArrayBuilder(List.of(out.categories().split(","))))
                .add("requestedAt", out.requestedAt().toString()).add("dueAt", out.dueAt().toString())
                .add("callbackUrl", callbackUrl("/api/v1/public/sharing/propagations/" + out.id() + "/callback"));
        return JSON.createObjectBuilder().add("type", "propagation.requested").add("propagation", task)
                .add("subject", out.payload()).build().toString().getBytes(StandardCharsets.UTF_8);
    }

    private String callbackUrl(String path) {
        return config.publicUrl().orElse("") + path;
    }

}
