package org.steward.consent.internal.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Clock;
import java.util.List;
import java.util.Set;
import org.steward.consent.api.LegalBasis;
import org.steward.consent.internal.entity.DataCategory;
import org.steward.consent.internal.entity.Purpose;
import org.steward.platform.kernel.api.FieldError;
import org.steward.platform.kernel.api.ProblemException;
import org.steward.platform.kernel.api.ProblemType;
import org.steward.platform.kernel.api.Times;

/** Purposes and data categories: the vocabulary that every consent record and the ROPA refer to. */
@ApplicationScoped
public class Purposes {

    public record Spec(String key, String name, String description, LegalBasis legalBasis, boolean saleOrSharing,
                       boolean optOutAllowed, boolean email, Set<String> categories) {
    }

    @PersistenceContext(unitName = "steward")
    EntityManager em;

    @Inject
    Clock clock;

    public List<Purpose> list() {
        return em.createQuery("SELECT p FROM Purpose p ORDER BY p.key", Purpose.class).getResultList();
    }

    /** A purpose named in the path: 404 when it does not exist. */
    public Purpose get(String key) {
        Purpose p = key == null ? null : em.find(Purpose.class, key);
        if (p == null) {
            throw new ProblemException(ProblemType.NOT_FOUND, "Purpose " + key + " does not exist",
                    List.of(new FieldError("purposeKey", "no purpose has this key")));
        }
        return p;
    }

    /** A purpose named in a request body: 400 naming the field when it does not exist. */
    public Purpose named(String key, String field) {
        Purpose p = key == null || key.length() > 64 ? null : em.find(Purpose.class, key);
        if (p == null) {
            throw ProblemException.invalid(field, "no purpose has this key");
        }
        return p;
    }

    public Purpose create(Spec spec) {
        if (em.find(Purpose.class, spec.key()) != null) {
            throw ProblemException.conflict("key", "a purpose with this key already exists");
        }
        for (String c : spec.categories()) {
            if (em.find(DataCategory.class, c) == null) {
                throw ProblemException.invalid("categories", "unknown data category " + c);
            }
        }
        if (spec.legalBasis() == LegalBasis.CONTRACT && spec.optOutAllowed()) {
            throw ProblemException.invalid("optOutAllowed", "processing needed for a contract cannot be opted out of");
        }
        Purpose p = new Purpose(spec.key(), spec.name(), spec.description(), spec.legalBasis(), spec.saleOrSharing(),
                spec.optOutAllowed(), spec.email(), spec.categories(), Times.now(clock));
        em.persist(p);
        return p;
    }

    public List<DataCategory> categories() {
        return em.createQuery("SELECT c FROM DataCategory c ORDER BY c.key", DataCategory.class).getResultList();
    }

    public DataCategory category(String key) {
        return em.find(DataCategory.class, key);
    }

    public DataCategory createCategory(String key, String name, String description, String dataSubjects) {
        if (em.find(DataCategory.class, key) != null) {
            throw ProblemException.conflict("key", "a data category with this key already exists");
        }
        DataCategory c = new DataCategory(key, name, description, dataSubjects, Times.now(clock));
        em.persist(c);
        return c;
    }
}
