package org.steward.consent.internal.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.List;
import java.util.Optional;
import org.steward.consent.api.ConsentHolder;
import org.steward.consent.internal.entity.ConsentState;
import org.steward.consent.internal.entity.ConsentStateKey;

/**
 * Reads the current-state projection. {@link #currentState} is a primary-key lookup: the decision path builds its
 * cache on it, and invalidates on {@link org.steward.consent.api.ConsentChanged}.
 */
@ApplicationScoped
public class CurrentStates {

    @PersistenceContext(unitName = "steward")
    EntityManager em;

    public Optional<ConsentState> currentState(ConsentHolder holder, String purposeKey) {
        return Optional.ofNullable(em.find(ConsentState.class, new ConsentStateKey(holder.ref(), purposeKey)));
    }

    public List<ConsentState> of(ConsentHolder holder) {
        return em.createQuery("SELECT s FROM ConsentState s WHERE s.holderRef = :h ORDER BY s.purposeKey",
                ConsentState.class).setParameter("h", holder.ref()).getResultList();
    }
}
