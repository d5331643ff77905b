package org.steward.identity.internal.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.List;
import java.util.Optional;
import org.steward.identity.api.LicenceStatus;
import org.steward.identity.api.SubjectDirectory;
import org.steward.identity.internal.entity.Subject;
import org.steward.platform.kernel.api.SubjectId;
import org.steward.platform.kernel.api.TenantId;

@ApplicationScoped
public class SubjectLookup implements SubjectDirectory {

    @PersistenceContext(unitName = "steward")
    EntityManager em;

    @Override
    public Optional<SubjectRef> find(SubjectId subjectId) {
        Subject s = em.find(Subject.class, subjectId.asString());
        return Optional.ofNullable(s).map(x -> new SubjectRef(x.tenantId(), x.id(), x.minor()));
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
}
