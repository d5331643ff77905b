package org.steward.sharing.internal.control;

import static org.steward.platform.kernel.api.Jsonp.JSON;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonException;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.io.ByteArrayInputStream;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.util.List;
import org.steward.platform.crypto.api.Crypto;
import org.steward.platform.kernel.api.DataKeyId;
import org.steward.platform.kernel.api.FieldError;
import org.steward.platform.kernel.api.ProblemException;
import org.steward.platform.kernel.api.ProblemType;
import org.steward.platform.kernel.api.Times;
import org.steward.sharing.internal.connector.OpenDsr;
import org.steward.sharing.internal.connector.OpenDsrSignatures;
import org.steward.sharing.internal.connector.WebhookSignature;
import org.steward.sharing.internal.entity.CallbackSeen;
import org.steward.sharing.internal.entity.Propagation;
import org.steward.sharing.internal.entity.Subprocessor;

/**
 * Recipients' confirmations. A webhook recipient signs its callback with the secret Steward gave it; an OpenDSR
 * processor signs with its private key, verified against the certificate registered for it. A signature outside the
 * time tolerance or seen before (a replay) is refused; so is anything unsigned. Nothing about a refused callback is
 * written, except its audit entry.
 */
@ApplicationScoped
public class Callbacks {

    @PersistenceContext(unitName = "steward")
    EntityManager em;

    @Inject
    Propagations propagations;

    @Inject
    Crypto crypto;

    @Inject
    SharingConfig config;

    @Inject
    Clock clock;

    /** A webhook recipient's callback: {@code {"status":"COMPLETED"|"IN_PROGRESS"|"REFUSED","note":…}}. */
    public Propagation webhook(String propagationId, String signature, byte[] body) {
        Propagation p = propagations.lock(propagationId);
        Subprocessor r = em.find(Subprocessor.class, p.recipientId());
        if (p.connector() != Subprocessor.Connector.WEBHOOK || r.secretEnc() == null) {
            throw new ProblemException(ProblemType.CONFLICT, "This task was not sent by webhook",
                    List.of(new FieldError("propagationId", "not a webhook task")));
        }
        byte[] secret = WebhookSignature.decodeSecret(crypto.cipher(DataKeyId.of(r.secretKeyId()))
                .decrypt(Register.SECRET, r.secretEnc()));
        WebhookSignature.Verified v;
        try {
            v = WebhookSignature.verify(secret, signature, body, clock.instant(), config.callbackTolerance());
        } catch (WebhookSignature.Refused e) {
            throw unsigned(WebhookSignature.HEADER, "the signature is refused: " + e.reason());
        }
        JsonObject json = json(body);
        String status = string(json, "status");
        if (status == null || !List.of("COMPLETED", "IN_PROGRESS", "REFUSED").contains(status)) {
            throw ProblemException.invalid("status", "must be COMPLETED, IN_PROGRESS or REFUSED");
        }
        String note = string(json, "note");
        if (note != null && note.length() > 1000) {
            throw ProblemException.invalid("note", "must be at most 1000 characters");
        }
        remember("webhook:" + v.v1());
        return apply(p, status, "recipient", note);
    }

    /** An OpenDSR processor's status callback, for the request it names. */
    public Propagation openDsr(String domain, String signature, byte[] body) {
        OpenDsr.Callback unverified;
        try {
            unverified = OpenDsr.parseCallback(body);
        } catch (RuntimeException e) {
            throw ProblemException.invalid("body", "is not an OpenDSR status callback");
        }
        Propagation p = em.createQuery("SELECT p FROM Propagation p WHERE p.remoteRef = :r AND p.connector = :c",
                        Propagation.class).setParameter("r", unverified.subjectRequestId())
                .setParameter("c", Subprocessor.Connector.OPENDSR).getResultStream().findFirst().orElse(null);
        if (p == null) {
            throw new ProblemException(ProblemType.NOT_FOUND, "No OpenDSR request has this id",
                    List.of(new FieldError("subject_request_id", "no such request")));
        }
        p = propagations.lock(p.id());
        Subprocessor r = em.find(Subprocessor.class, p.recipientId());
        X509Certificate certificate = OpenDsrSignatures.certificateFromPem(r.certificatePem());
        OpenDsr.Callback callback;
        try {
            callback = OpenDsrSignatures.verify(body, domain, signature, certificate, clock.instant());
        } catch (OpenDsrSignatures.Refused e) {
            throw unsigned(OpenDsrSignatures.SIGNATURE_HEADER, "the signature is refused: " + e.reason());
        }
        remember("opendsr:" + OpenDsrSignatures.digest(signature));
        String status = callback.requestStatus();
        return apply(p, OpenDsr.COMPLETED.equals(status) ? "COMPLETED" : "IN_PROGRESS", "opendsr",
                "status " + status);
    }

    /**
     * Forgets webhook signatures older than twice the tolerance: their timestamps are refused by then anyway. OpenDSR
     * signatures carry no time, so they are kept.
     */
    @jakarta.transaction.Transactional
    public int forgetExpired() {
        return em.createQuery("DELETE FROM CallbackSeen c WHERE c.signature LIKE 'webhook:%' AND c.receivedAt < :before")
                .setParameter("before", Times.now(clock).minus(config.callbackTolerance().multipliedBy(2)))
                .executeUpdate();
    }

    private Propagation apply(Propagation p, String status, String by, String note) {
        if (p.state().closed()) {
            return p;
        }
        if ("COMPLETED".equals(status)) {
            return propagations.close(p.id(), Propagation.State.CONFIRMED, by, note);
        }
        p.status("REFUSED".equals(status) ? "the recipient refused" + (note == null ? "" : ": " + note)
                : "the recipient reports " + status.toLowerCase() + (note == null ? "" : ": " + note));
        return p;
    }

    /** A signature accepted once: the same one again is a replay. */
    private void remember(String signature) {
        String key = signature.length() > 128 ? signature.substring(0, 128) : signature;
        if (em.find(CallbackSeen.class, key) != null) {
            throw unsigned("timestamp", "this callback was already received: a replay is refused");
        }
        em.persist(new CallbackSeen(key, Times.now(clock)));
        em.flush();
    }

    private static ProblemException unsigned(String field, String message) {
        return new ProblemException(ProblemType.SIGNATURE_REFUSED, message, List.of(new FieldError(field, message)));
    }

    private static JsonObject json(byte[] body) {
        try (var reader = JSON.createReader(new ByteArrayInputStream(body))) {
            return reader.readObject();
        } catch (JsonException | IllegalStateException e) {
            throw ProblemException.invalid("body", "must be a JSON object");
        }
    }

    private static String string(JsonObject json, String name) {
        return json.get(name) instanceof JsonString s ? s.getString() : null;
    }
}
