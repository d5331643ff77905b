package org.steward.consent.internal.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.List;
import org.steward.consent.api.PurposeCatalog;
import org.steward.consent.internal.entity.DataCategory;
import org.steward.consent.internal.entity.Purpose;

/** The register of purposes as other modules see it (retention: which purposes must end before a category goes). */
@ApplicationScoped
public class RegisteredPurposes implements PurposeCatalog {

    @PersistenceContext(unitName = "steward")
    EntityManager em;

    @Override
    public boolean exists(String purposeKey) {
        return purposeKey != null && purposeKey.length() <= 64 && em.find(Purpose.class, purposeKey) != null;
    }

    @Override
    public boolean categoryExists(String categoryKey) {
        return categoryKey != null && categoryKey.length() <= 64 && em.find(DataCategory.class, categoryKey) != null;
    }

    @Override
    public List<String> purposesUsing(String categoryKey) {
        return em.createQuery("SELECT p.key FROM Purpose p JOIN p.categories c WHERE c = :c ORDER BY p.key",
                String.class).setParameter("c", categoryKey).getResultList();
    }

    @Override
    public List<String> categoriesOf(String purposeKey) {
        Purpose p = exists(purposeKey) ? em.find(Purpose.class, purposeKey) : null;
        return p == null ? List.of() : List.copyOf(p.categories());
    }
}
