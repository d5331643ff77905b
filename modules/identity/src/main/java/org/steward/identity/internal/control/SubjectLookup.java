package org.steward.identity.internal.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.List;
import java.util.Optional;
import org.steward.identity.api.LicenceStatus;
import org.steward.identity.api.SubjectDirectory;
import org.steward.identity.internal.entity.Subject;
import org.steward.platform.crypto.api.Crypto;
import org.steward.platform.crypto.api.IndexKind;
import org.steward.platform.kernel.api.SubjectId;
import org.steward.platform.kernel.api.TenantId;

@ApplicationScoped
public class SubjectLookup implements SubjectDirectory {

    @PersistenceContext(unitName = "steward")
    EntityManager em;

    @Inject
    Crypto crypto;

    @Inject
    Subjects subjects;

    @Override
    public Optional<SubjectRef> find(SubjectId subjectId) {
        Subject s = em.find(Subject.class, subjectId.asString());
        return Optional.ofNullable(s).map(SubjectLookup::ref);
    }

    @Override
    public List<SubjectId> subjectsOf(TenantId tenantId, String afterId, int limit) {
        return em.createQuery("SELECT s.id FROM Subject s WHERE s.tenantId = :t AND s.id > :after ORDER BY s.id",
                        String.class)
                .setParameter("t", tenantId.asString()).setParameter("after", afterId == null ? "" : afterId)
                .setMaxResults(limit).getResultList().stream().map(SubjectId::of).toList();
    }

    @Override
    public List<EndedTenant> endedTenantsHoldingSubjects(int limit) {
        return em.createQuery("SELECT t.id, t.licenceStatus FROM Tenant t WHERE t.licenceStatus <> :active"
                        + " AND EXISTS (SELECT s.id FROM Subject s WHERE s.tenantId = t.id) ORDER BY t.id", Object[].class)
                .setParameter("active", LicenceStatus.ACTIVE).setMaxResults(limit).getResultList().stream()
                .map(r -> new EndedTenant(TenantId.of((String) r[0]), (LicenceStatus) r[1])).toList();
    }

    /** Searched under every active blind-index version, as {@link Subjects#findBy} does; the index normalises. */
    @Override
    public List<SubjectRef> withEmail(String email) {
        if (email == null || email.isBlank()) {
            return List.of();
        }
        return em.createQuery("SELECT s FROM Subject s WHERE s.emailIndex IN :i ORDER BY s.tenantId, s.id",
                        Subject.class)
                .setParameter("i", crypto.blindIndexRing().candidates(IndexKind.EMAIL, email))
                .getResultList().stream().map(SubjectLookup::ref).toList();
    }

    @Override
    public Optional<SubjectRef> withAccountId(TenantId tenantId, String accountId) {
        if (accountId == null || accountId.isBlank()) {
            return Optional.empty();
        }
        return em.createQuery("SELECT s FROM Subject s WHERE s.tenantId = :t AND s.accountIdIndex IN :i",
                        Subject.class)
                .setParameter("t", tenantId.asString())
                .setParameter("i", crypto.blindIndexRing().candidates(IndexKind.ACCOUNT_ID, accountId))
                .getResultStream().findFirst().map(SubjectLookup::ref);
    }

    @Override
    public List<SubjectRef> withAccountIdInEveryTenant(String accountId) {
        if (accountId == null || accountId.isBlank()) {
            return List.of();
        }
        return em.createQuery("SELECT s FROM Subject s WHERE s.accountIdIndex IN :i ORDER BY s.tenantId, s.id",
                        Subject.class)
                .setParameter("i", crypto.blindIndexRing().candidates(IndexKind.ACCOUNT_ID, accountId))
                .getResultList().stream().map(SubjectLookup::ref).toList();
    }

    @Override
    public Optional<String> emailOf(SubjectId subjectId) {
        Subject s = em.find(Subject.class, subjectId.asString());
        return s == null || s.email() == null ? Optional.empty()
                : Optional.ofNullable(subjects.decrypt(s).identifiers().email());
    }

    @Override
    public Optional<KnownIdentifiers> identifiersOf(SubjectId subjectId) {
        Subject s = em.find(Subject.class, subjectId.asString());
        if (s == null) {
            return Optional.empty();
        }
        Subjects.Identifiers i = subjects.decrypt(s).identifiers();
        return Optional.of(new KnownIdentifiers(i.email(), i.username(), i.accountId()));
    }

    private static SubjectRef ref(Subject s) {
        return new SubjectRef(s.tenantId(), s.id(), s.minor());
    }
}
