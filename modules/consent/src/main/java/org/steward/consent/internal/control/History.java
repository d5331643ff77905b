package org.steward.consent.internal.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.List;
import org.steward.consent.api.ConsentHolder;
import org.steward.consent.internal.entity.ConsentEvent;

/** A holder's full consent history, oldest first: for the subject's own export and, later, the access request. */
@ApplicationScoped
public class History {

    @PersistenceContext(unitName = "steward")
    EntityManager em;

    public List<ConsentEvent> of(ConsentHolder holder) {
        return em.createQuery("SELECT e FROM ConsentEvent e WHERE e.holderRef = :h ORDER BY e.occurredAt, e.id",
                ConsentEvent.class).setParameter("h", holder.ref()).getResultList();
    }
}
