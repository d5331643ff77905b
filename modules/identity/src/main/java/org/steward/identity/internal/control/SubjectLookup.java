package org.steward.identity.internal.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.Optional;
import org.steward.identity.api.SubjectDirectory;
import org.steward.identity.api.SubjectId;
import org.steward.identity.internal.entity.Subject;

@ApplicationScoped
public class SubjectLookup implements SubjectDirectory {

    @PersistenceContext(unitName = "steward")
    EntityManager em;

    @Override
    public Optional<SubjectRef> find(SubjectId subjectId) {
        Subject s = em.find(Subject.class, subjectId.asString());
        return Optional.ofNullable(s).map(x -> new SubjectRef(x.tenantId(), x.id(), x.minor()));
    }
}
