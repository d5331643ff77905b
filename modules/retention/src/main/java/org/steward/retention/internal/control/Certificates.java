package org.steward.retention.internal.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.security.SecureRandom;
import java.time.OffsetDateTime;
import java.util.Base64;
import java.util.List;
import org.steward.platform.crypto.api.Signer;
import org.steward.platform.kernel.api.FieldError;
import org.steward.platform.kernel.api.Ids;
import org.steward.platform.kernel.api.ProblemException;
import org.steward.platform.kernel.api.ProblemType;
import org.steward.retention.internal.entity.Certificate;
import org.steward.retention.internal.entity.Erasure;

/**
 * Issues and checks erasure certificates. A certificate holds ids, salted hashes, counts, data-key ids and times,
 * and the server's Ed25519 signature (platform {@link Signer}, key id {@value #KEY_ID}); never personal data. The
 * subject (or device) and tenant ids appear only as SHA-256 of a random per-certificate salt and the id.
 */
@ApplicationScoped
public class Certificates {

    public static final String KEY_ID = "erasure-certificate-v1";
    private static final SecureRandom RANDOM = new SecureRandom();

    /** The outcome of a verification. */
    public record Verification(boolean valid, String keyId, String detail) {
    }

    @PersistenceContext(unitName = "steward")
    EntityManager em;

    @Inject
    Signer signer;

    @Transactional(Transactional.TxType.MANDATORY)
    public Certificate issue(Erasure e, List<CertificateContent.Entry> erased, Long subjectsErased,
                             List<String> dataKeys, OffsetDateTime erasedAt) {
        byte[] saltBytes = new byte[16];
        RANDOM.nextBytes(saltBytes);
        String salt = Base64.getUrlEncoder().withoutPadding().encodeToString(saltBytes);
        // A device is a website visitor's pseudonymous id: its hash takes the subject's place, kind "device".
        String subjectHash = switch (e.scope()) {
            case SUBJECT -> CertificateContent.saltedHash(salt, "subject", e.subjectId());
            case DEVICE -> CertificateContent.saltedHash(salt, "device", e.deviceId());
            case TENANT, CATEGORY -> null;
        };
        String tenantHash = CertificateContent.saltedHash(salt, "tenant", e.tenantId());
        CertificateContent content = new CertificateContent(Ids.newId().toString(), e.id(), e.scope().name(),
                e.trigger().name(), subjectHash, tenantHash, e.categoryKey(), salt, erased, subjectsErased, dataKeys,
                erasedAt.toString(), KEY_ID, Signer.ALGORITHM);
        String canonical = content.canonical();
        Signer.Signature signature = signer.sign(KEY_ID, canonical);
        Certificate c = new Certificate(content.id(), e.id(), canonical, signature.keyId(), signature.algorithm(),
                signature.value(), erasedAt);
        em.persist(c);
        return c;
    }

    public Certificate forErasure(String erasureId) {
        List<Certificate> found = Ids.parseOrNull(erasureId) == null ? List.of()
                : em.createQuery("SELECT c FROM Certificate c WHERE c.erasureId = :e", Certificate.class)
                .setParameter("e", erasureId).getResultList();
        if (found.isEmpty()) {
            throw new ProblemException(ProblemType.NOT_FOUND, "No erasure certificate exists for erasure "
                    + erasureId + " (unknown, or not completed yet)",
                    List.of(new FieldError("erasureId", "no certificate for this erasure")));
        }
        return found.get(0);
    }

    /** Checks a certificate of either version (1: the name=value text, 2: RFC 8785). */
    public Verification verify(CertificateContent content, int version, String signature) {
        if (!CertificateContent.known(version)) {
            return new Verification(false, content.keyId(), "unknown certificate version " + version);
        }
        if (!KEY_ID.equals(content.keyId()) || !Signer.ALGORITHM.equals(content.algorithm())) {
            return new Verification(false, content.keyId(), "not signed with a key of this server");
        }
        boolean ok = signer.verify(content.keyId(), content.canonical(version), signature);
        return new Verification(ok, content.keyId(),
                ok ? "the signature is valid: this server issued this certificate, unchanged"
                        : "the signature does not match: the certificate was altered or not issued here");
    }
}
