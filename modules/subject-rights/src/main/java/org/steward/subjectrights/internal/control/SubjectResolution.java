package org.steward.subjectrights.internal.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.List;
import org.steward.identity.api.SubjectDirectory;
import org.steward.identity.api.SubjectDirectory.SubjectRef;
import org.steward.platform.kernel.api.SubjectId;
import org.steward.platform.kernel.api.TenantId;
import org.steward.subjectrights.internal.entity.Request;
import org.steward.subjectrights.internal.entity.RequestSubject;

/**
 * Finds whom a verified request is about, once the requester proved the identifier is theirs: an email may be a
 * subject in several tenants; an accountId or a subject id names one subject of one tenant; a device is its own
 * holder.
 */
@ApplicationScoped
public class SubjectResolution {

    @PersistenceContext(unitName = "steward")
    EntityManager em;

    @Inject
    SubjectDirectory directory;

    @Inject
    RequestKeys keys;

    /** Records the subjects and returns how many holders the request has (a device counts as one). */
    public int resolve(Request r) {
        if (r.identifierKind() == Request.IdentifierKind.DEVICE
                || r.identifierKind() == Request.IdentifierKind.TENANT) {
            return 1;
        }
        String identifier = keys.cipher(r).decrypt("identifier", r.identifierEnc());
        List<SubjectRef> refs = switch (r.identifierKind()) {
            case EMAIL -> directory.withEmail(identifier);
            // From a help center the tenant is not known: an accountId is the same Atlassian account everywhere.
            case ACCOUNT_ID -> r.tenantId() == null ? directory.withAccountIdInEveryTenant(identifier)
                    : directory.withAccountId(TenantId.of(r.tenantId()), identifier).stream().toList();
            case SUBJECT -> directory.find(SubjectId.of(identifier))
                    .filter(s -> s.tenantId().asString().equals(r.tenantId())).stream().toList();
            case DEVICE, TENANT -> List.of();
        };
        for (SubjectRef s : refs) {
            em.persist(new RequestSubject(r.id(), s.tenantId().asString(), s.subjectId().asString()));
        }
        return refs.size();
    }

    public List<RequestSubject> of(String requestId) {
        return em.createQuery("SELECT s FROM RequestSubject s WHERE s.requestId = :r ORDER BY s.tenantId,"
                + " s.subjectId", RequestSubject.class).setParameter("r", requestId).getResultList();
    }
}
