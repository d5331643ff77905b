package org.steward.consent.internal.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Optional;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.steward.consent.api.ConsentHolder;
import org.steward.consent.internal.entity.ConsentEvent;
import org.steward.consent.internal.entity.Notice;
import org.steward.consent.internal.entity.Purpose;
import org.steward.platform.crypto.api.PublicSigningKey;
import org.steward.platform.crypto.api.Signer;

/** Issues signed consent receipts and verifies them against the published public keys. */
@ApplicationScoped
public class Receipts {

    public record Verification(boolean valid, String keyId, String reason) {
    }

    @Inject
    Signer signer;

    @PersistenceContext(unitName = "steward")
    EntityManager em;

    @Inject
    @ConfigProperty(name = "steward.consent.controller-name", defaultValue = "Open Source Consulting Inc.")
    String controllerName;

    @Inject
    @ConfigProperty(name = "steward.consent.controller-contact",
            defaultValue = "https://cloud-osci.atlassian.net/helpcenter/app/")
    String controllerContact;

    public Receipt issue(ConsentEvent e, Purpose p, Notice notice) {
        Receipt unsigned = new Receipt(e.receiptId(), Receipt.SCHEMA_VERSION,
                new Receipt.Controller(controllerName, controllerContact), e.holderRef(), e.tenantId(), e.id(),
                List.of(new Receipt.Purpose(p.key(), p.legalBasis().name(), e.action().name(), e.status().name(),
                        e.noticeVersion(), e.noticeLanguage(), notice == null ? null : notice.contentHash())),
                e.source().name(), time(e.occurredAt()), e.expiresAt() == null ? null : time(e.expiresAt()), null);
        Signer.Signature s = signer.sign(ConsentKeys.RECEIPT_KEY_ID, unsigned.signedText());
        return unsigned.withSignature(new Receipt.Signature(s.algorithm(), s.keyId(), s.value()));
    }

    /**
     * The receipt of one of the holder's events, signed again: Ed25519 signatures are deterministic, so it is the
     * receipt issued then, as long as the controller's name and contact are configured as they were.
     */
    public Optional<Receipt> of(ConsentHolder holder, String receiptId) {
        if (receiptId == null || receiptId.length() > 36) {
            return Optional.empty();
        }
        return em.createQuery("SELECT e FROM ConsentEvent e WHERE e.holderRef = :h AND e.receiptId = :r",
                        ConsentEvent.class).setParameter("h", holder.ref()).setParameter("r", receiptId)
                .getResultList().stream().findFirst().map(e -> issue(e, em.find(Purpose.class, e.purposeKey()),
                        e.noticeId() == null ? null : em.find(Notice.class, e.noticeId())));
    }

    public Verification verify(Receipt r) {
        if (r.signature() == null || r.signature().keyId() == null || r.signature().value() == null) {
            return new Verification(false, null, "the receipt has no signature");
        }
        if (r.schemaVersion() == null || !Receipt.SCHEMA_VERSIONS.contains(r.schemaVersion())) {
            return new Verification(false, r.signature().keyId(), "unknown receipt schema version");
        }
        if (!Signer.ALGORITHM.equals(r.signature().alg())) {
            return new Verification(false, r.signature().keyId(), "unsupported signature algorithm");
        }
        PublicSigningKey key = signer.existing(r.signature().keyId()).orElse(null);
        if (key == null) {
            return new Verification(false, r.signature().keyId(), "unknown signing key");
        }
        boolean ok = signer.verify(key.keyId(), r.signedText(), r.signature().value());
        return new Verification(ok, key.keyId(), ok ? null : "the signature does not match the receipt's content");
    }

    /** The public keys; the signing key is created on first use, so this creates it if no receipt exists yet. */
    public List<PublicSigningKey> publicKeys() {
        return List.of(signer.key(ConsentKeys.RECEIPT_KEY_ID));
    }

    static String time(java.time.OffsetDateTime t) {
        return DateTimeFormatter.ISO_INSTANT.format(t.toInstant());
    }
}
