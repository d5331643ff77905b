package org.steward.identity.internal.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.PersistenceException;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.steward.identity.api.PersonalDataGate;
import org.steward.identity.api.SubjectFlaggedAsMinor;
import org.steward.identity.api.SubjectRectified;
import org.steward.identity.api.SubjectRegistered;
import org.steward.identity.internal.entity.Subject;
import org.steward.identity.internal.entity.Tenant;
import org.steward.platform.crypto.api.BlindIndex;
import org.steward.platform.crypto.api.BlindIndexRing;
import org.steward.platform.crypto.api.Crypto;
import org.steward.platform.crypto.api.IndexKind;
import org.steward.platform.crypto.api.KeyedCipher;
import org.steward.platform.kernel.api.Ids;
import org.steward.platform.kernel.api.PageRequest;
import org.steward.platform.kernel.api.ProblemException;
import org.steward.platform.kernel.api.ProblemType;
import org.steward.platform.kernel.api.SubjectId;
import org.steward.platform.kernel.api.Times;

/** Data subjects: registration, lookup by any identifier through the blind index, rectification. */
@ApplicationScoped
public class Subjects {

    /** Plaintext identifiers as the client gave them; null means absent (or unchanged, for a rectification). */
    public record Identifiers(String email, String username, String accountId, String displayName) {

        boolean hasIdentifier() {
            return email != null || username != null || accountId != null;
        }
    }

    /** A subject with its identifiers decrypted, for the boundary to show. */
    public record Decrypted(Subject subject, Identifiers identifiers) {
    }

    /** What Atlassian's APIs return for a user they cannot name (an app must neither store nor report it). */
    public static final String UNKNOWN_ACCOUNT = "unknown";

    @PersistenceContext(unitName = "steward")
    EntityManager em;

    @Inject
    Crypto crypto;

    @Inject
    Tenants tenants;

    @Inject
    PersonalDataGate gate;

    @Inject
    Event<SubjectRegistered> registered;

    @Inject
    Event<SubjectRectified> rectified;

    @Inject
    Event<SubjectFlaggedAsMinor> flaggedAsMinor;

    @Inject
    Clock clock;

    @Transactional
    public Decrypted register(String tenantId, Identifiers ids) {
        Tenant tenant = tenants.get(tenantId);
        gate.admit(tenant.id());
        if (!ids.hasIdentifier()) {
            throw ProblemException.invalid("email", "at least one of email, username and accountId is required");
        }
        KeyedCipher cipher = crypto.newDataKey();
        OffsetDateTime now = Times.now(clock);
        Subject subject = new Subject(new SubjectId(Ids.newId()), tenant.id(), cipher.keyId(), now);
        apply(subject, cipher, ids, Set.of(), tenant.rawId());
        em.persist(subject);
        flushOrConflict();
        registered.fire(new SubjectRegistered(tenant.id(), subject.id(), now));
        return new Decrypted(subject, ids);
    }

    public Subject find(String tenantId, String subjectId) {
        Tenant tenant = tenants.get(tenantId);
        Subject subject = Ids.parseOrNull(subjectId) == null ? null : em.find(Subject.class, subjectId);
        if (subject == null || !subject.tenantId().equals(tenant.id())) {
            throw ProblemException.notFound("Subject", subjectId);
        }
        return subject;
    }

    public Decrypted get(String tenantId, String subjectId) {
        return decrypt(find(tenantId, subjectId));
    }

    public List<Subject> list(String tenantId, PageRequest page, boolean staleOnly) {
        Tenant tenant = tenants.get(tenantId);
        String after = page.after() == null ? "" : page.after();
        return em.createQuery("SELECT s FROM Subject s WHERE s.tenantId = :t AND s.id > :after"
                        + (staleOnly ? " AND s.profileStaleAt IS NOT NULL" : "") + " ORDER BY s.id", Subject.class)
                .setParameter("t", tenant.rawId()).setParameter("after", after)
                .setMaxResults(page.fetchSize()).getResultList();
    }

    /**
     * Finds by one identifier, under every active blind-index version (a rotation's re-index may not have reached
     * the row yet). The plaintext is only hashed with the index keys; it is never stored or logged.
     */
    public List<Subject> findBy(String tenantId, IndexKind kind, String value) {
        Tenant tenant = tenants.get(tenantId);
        return em.createQuery("SELECT s FROM Subject s WHERE s.tenantId = :t AND s." + column(kind) + " IN :i",
                        Subject.class)
                .setParameter("t", tenant.rawId())
                .setParameter("i", crypto.blindIndexRing().candidates(kind, value))
                .getResultList();
    }

    @Transactional
    public Decrypted rectify(String tenantId, String subjectId, Identifiers changes) {
        return rectify(tenantId, subjectId, changes, Set.of());
    }

    /**
     * Rectifies, and removes the fields named in {@code cleared} (email, username, accountId, displayName); a subject
     * keeps at least one of its identifiers.
     */
    @Transactional
    public Decrypted rectify(String tenantId, String subjectId, Identifiers changes, Set<String> cleared) {
        Subject subject = find(tenantId, subjectId);
        gate.admit(subject.tenantId());
        KeyedCipher cipher = crypto.cipher(subject.dataKeyId());
        Set<String> fields = new LinkedHashSet<>();
        if (changes.email() != null) {
            fields.add("email");
        }
        if (changes.username() != null) {
            fields.add("username");
        }
        if (changes.accountId() != null) {
            fields.add("accountId");
        }
        if (changes.displayName() != null) {
            fields.add("displayName");
        }
        fields.addAll(cleared);
        if (fields.isEmpty()) {
            throw ProblemException.invalid("body", "name at least one field to rectify");
        }
        apply(subject, cipher, changes, cleared, subject.tenantId().asString());
        OffsetDateTime now = Times.now(clock);
        subject.touch(now);
        subject.profileRetrieved(now);
        flushOrConflict();
        rectified.fire(new SubjectRectified(subject.tenantId(), subject.id(), Set.copyOf(fields), now));
        return decrypt(subject);
    }

    @Transactional
    public Decrypted flagAsMinor(String tenantId, String subjectId) {
        Subject subject = find(tenantId, subjectId);
        if (!subject.minor()) {
            OffsetDateTime now = Times.now(clock);
            subject.flagAsMinor(now);
            flaggedAsMinor.fire(new SubjectFlaggedAsMinor(subject.tenantId(), subject.id(), now));
        }
        return decrypt(subject);
    }

    public Decrypted decrypt(Subject s) {
        KeyedCipher cipher = crypto.cipher(s.dataKeyId());
        return new Decrypted(s, new Identifiers(cipher.decrypt("email", s.email()),
                cipher.decrypt("username", s.username()), cipher.decrypt("accountId", s.accountId()),
                cipher.decrypt("displayName", s.displayName())));
    }

    /** The identifiers of a subject, decrypted (displayName left out: it is not indexed). */
    static Identifiers identifiers(Subject s, KeyedCipher cipher) {
        return new Identifiers(cipher.decrypt("email", s.email()), cipher.decrypt("username", s.username()),
                cipher.decrypt("accountId", s.accountId()), null);
    }

    /**
     * Stores the changed fields and indexes all three identifiers under the current key version: an unchanged one
     * may still carry an older version's index, and a row is always wholly at one version.
     */
    private void apply(Subject subject, KeyedCipher cipher, Identifiers changes, Set<String> cleared,
                       String tenantId) {
        BlindIndexRing ring = crypto.blindIndexRing();
        Identifiers stored = without(identifiers(subject, cipher), cleared);
        if (firstNonNull(changes.email(), stored.email()) == null
                && firstNonNull(changes.username(), stored.username()) == null
                && firstNonNull(changes.accountId(), stored.accountId()) == null) {
            throw ProblemException.invalid(cleared.stream().filter(f -> !f.equals("displayName")).sorted()
                    .findFirst().orElse("email"), "a subject keeps at least one of email, username and accountId");
        }
        clear(subject, cleared);
        if (changes.email() != null) {
            refuseTaken(tenantId, IndexKind.EMAIL, ring.candidates(IndexKind.EMAIL, changes.email()),
                    subject.rawId(), "email");
            subject.email(cipher.encrypt("email", changes.email().strip()));
        }
        if (changes.username() != null) {
            refuseTaken(tenantId, IndexKind.USERNAME, ring.candidates(IndexKind.USERNAME, changes.username()),
                    subject.rawId(), "username");
            subject.username(cipher.encrypt("username", changes.username().strip()));
        }
        if (changes.accountId() != null) {
            if (UNKNOWN_ACCOUNT.equalsIgnoreCase(changes.accountId().strip())) {
                throw ProblemException.invalid("accountId", "'unknown' is Atlassian's placeholder for a user it"
                        + " cannot name, not an account: it is never stored");
            }
            refuseTaken(tenantId, IndexKind.ACCOUNT_ID, ring.candidates(IndexKind.ACCOUNT_ID, changes.accountId()),
                    subject.rawId(), "accountId");
            subject.accountId(cipher.encrypt("accountId", changes.accountId().strip()));
        }
        if (changes.displayName() != null) {
            subject.displayName(cipher.encrypt("displayName", changes.displayName().strip()));
        }
        BlindIndex write = ring.current();
        subject.indexes(write.version(),
                write.apply(IndexKind.EMAIL, firstNonNull(changes.email(), stored.email())),
                write.apply(IndexKind.USERNAME, firstNonNull(changes.username(), stored.username())),
                write.apply(IndexKind.ACCOUNT_ID, firstNonNull(changes.accountId(), stored.accountId())));
    }

    private static Identifiers without(Identifiers stored, Set<String> cleared) {
        return new Identifiers(cleared.contains("email") ? null : stored.email(),
                cleared.contains("username") ? null : stored.username(),
                cleared.contains("accountId") ? null : stored.accountId(), null);
    }

    private static void clear(Subject subject, Set<String> cleared) {
        if (cleared.contains("email")) {
            subject.email(null);
        }
        if (cleared.contains("username")) {
            subject.username(null);
        }
        if (cleared.contains("accountId")) {
            subject.accountId(null);
        }
        if (cleared.contains("displayName")) {
            subject.displayName(null);
        }
    }

    private static String firstNonNull(String a, String b) {
        return a != null ? a : b;
    }

    static String column(IndexKind kind) {
        return switch (kind) {
            case EMAIL -> "emailIndex";
            case USERNAME -> "usernameIndex";
            case ACCOUNT_ID -> "accountIdIndex";
        };
    }

    private void refuseTaken(String tenantId, IndexKind kind, List<String> indexes, String self, String field) {
        Long taken = em.createQuery("SELECT COUNT(s) FROM Subject s WHERE s.tenantId = :t AND s." + column(kind)
                        + " IN :i AND s.id <> :self", Long.class)
                .setParameter("t", tenantId).setParameter("i", indexes).setParameter("self", self)
                .getSingleResult();
        if (taken > 0) {
            throw ProblemException.conflict(field, "another subject of this tenant already has this " + field);
        }
    }

    /** The unique indexes are the last word when two requests race past the checks above. */
    private void flushOrConflict() {
        try {
            em.flush();
        } catch (PersistenceException e) {
            throw new ProblemException(ProblemType.CONFLICT,
                    "Another subject of this tenant registered the same identifier at the same time");
        }
    }
}
