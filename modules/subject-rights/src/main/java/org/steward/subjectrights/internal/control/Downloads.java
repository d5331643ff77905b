package org.steward.subjectrights.internal.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import org.steward.platform.audit.api.AuditLog;
import org.steward.platform.audit.api.Outcome;
import org.steward.platform.kernel.api.ProblemException;
import org.steward.platform.kernel.api.ProblemType;
import org.steward.subjectrights.api.RequestType;
import org.steward.subjectrights.internal.entity.Request;

/**
 * The single-use download of an export: the link is redeemed (and audited) in the request's transaction, then the
 * ZIP or JSON is streamed from the stored, encrypted parts in a read transaction of its own, chunk by chunk.
 */
@ApplicationScoped
public class Downloads {

    @PersistenceContext(unitName = "steward")
    EntityManager em;

    @Inject
    ExportLinks links;

    @Inject
    ExportArchive archive;

    @Inject
    RequestKeys keys;

    @Inject
    RequestConfig config;

    @Inject
    AuditLog audit;

    public void redeem(Request r, String token) {
        try {
            if (r.dataKeyId() == null) {
                throw new ProblemException(ProblemType.NOT_FOUND, "This export no longer exists");
            }
            links.redeem(r.id(), token);
        } catch (ProblemException e) {
            audit.appendSeparately("request.export.download", "request", r.id(), Outcome.DENIED);
            throw e;
        }
        audit.append("request.export.download", "request", r.id(), Outcome.SUCCESS);
    }

    /** A privacy officer's copy, to check or hand over the export: audited, and the subject's link stays unused. */
    public void staffCopy(Request r) {
        if (r.dataKeyId() == null || r.state() != org.steward.subjectrights.api.RequestState.COMPLETED) {
            audit.appendSeparately("request.export.staff-download", "request", r.id(), Outcome.DENIED);
            throw new ProblemException(ProblemType.NOT_FOUND, "No export of this request exists (yet, or any more)");
        }
        audit.append("request.export.staff-download", "request", r.id(), Outcome.SUCCESS);
    }

    @Transactional
    public void write(String requestId, OutputStream out) throws IOException {
        Request r = em.find(Request.class, requestId);
        ExportSummary summary = summary(r);
        try {
            if (r.type() == RequestType.ACCESS) {
                archive.zip(r.id(), keys.cipher(r), summary, out);
            } else {
                archive.portability(r.id(), keys.cipher(r), summary, out);
            }
        } catch (UncheckedIOException e) {
            throw e.getCause();
        }
    }

    ExportSummary summary(Request r) {
        return new ExportSummary(r.id(), r.type().name(), r.jurisdiction().name(), r.receivedAt(),
                r.closedAt() == null ? r.updatedAt() : r.closedAt(),
                "You have the right to lodge a complaint with " + config.supervisoryAuthority() + ".");
    }
}
