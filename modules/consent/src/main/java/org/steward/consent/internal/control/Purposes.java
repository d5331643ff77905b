package org.steward.consent.internal.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Clock;
import java.util.List;
import java.util.Set;
import jakarta.persistence.LockModeType;
import org.steward.consent.api.CcpaDisclosure;
import org.steward.consent.api.LegalBasis;
import org.steward.consent.internal.entity.DataCategory;
import org.steward.consent.internal.entity.Purpose;
import org.steward.platform.kernel.api.FieldError;
import org.steward.platform.kernel.api.ProblemException;
import org.steward.platform.kernel.api.ProblemType;
import org.steward.platform.kernel.api.Times;

/**
 * Purposes and data categories: the vocabulary that every consent record and the ROPA refer to. Both can be edited
 * and retired; keys and legal bases never change. No purpose is, or becomes, a sale (policy §11).
 */
@ApplicationScoped
public class Purposes {

    public record Spec(String key, String name, String description, LegalBasis legalBasis, CcpaDisclosure ccpa,
                       boolean optOutAllowed, boolean email, Set<String> categories) {
    }

    /** An edit: null leaves the value as it is. */
    public record Change(String name, String description, CcpaDisclosure ccpa, Boolean optOutAllowed, Boolean email,
                         Set<String> categories) {
    }

    /** An edit of a category: null leaves the value as it is. */
    public record CategoryChange(String name, String description, String dataSubjects) {
    }

    @Inject
    Decisions decisions;

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
        check(spec.legalBasis(), null, spec.ccpa(), spec.optOutAllowed(), spec.categories(), Set.of());
        Purpose p = new Purpose(spec.key(), spec.name(), spec.description(), spec.legalBasis(), spec.ccpa(),
                spec.optOutAllowed(), spec.email(), spec.categories(), Times.now(clock));
        em.persist(p);
        return p;
    }

    /** Edits a purpose (retired ones too: their texts may need correcting); decisions see it from the commit on. */
    public Purpose change(String key, Change change) {
        Purpose p = lockedPurpose(key);
        CcpaDisclosure ccpa = change.ccpa() == null ? p.ccpa() : change.ccpa();
        boolean optOut = change.optOutAllowed() == null ? p.optOutAllowed() : change.optOutAllowed();
        Set<String> categories = change.categories() == null ? p.categories() : change.categories();
        check(p.legalBasis(), p.ccpa(), ccpa, optOut, categories, p.categories());
        p.change(change.name() == null ? p.name() : change.name(),
                change.description() == null ? p.description() : change.description(), ccpa, optOut,
                change.email() == null ? p.email() : change.email(), categories, Times.now(clock));
        decisions.purposesChanging();
        return p;
    }

    /** Retires a purpose once (again: unchanged). Its notices, events and states stay; decisions deny it. */
    public Purpose retire(String key, String reason) {
        Purpose p = lockedPurpose(key);
        if (p.retire(reason, Times.now(clock))) {
            decisions.purposesChanging();
        }
        return p;
    }

    /** Active (not retired) purposes of sharing for cross-context behavioural advertising: what GPC opts out of. */
    public List<Purpose> activeSharing() {
        return em.createQuery("SELECT p FROM Purpose p WHERE p.ccpa = :s AND p.retiredAt IS NULL ORDER BY p.key",
                Purpose.class).setParameter("s", CcpaDisclosure.SHARING).getResultList();
    }

    /**
     * The shape every purpose keeps: never a sale (and a sale stays one: its history records it); sharing needs
     * consent under GDPR and the CCPA opt-out; a contract cannot be opted out of; new categories must be current.
     */
    private void check(LegalBasis basis, CcpaDisclosure was, CcpaDisclosure ccpa, boolean optOutAllowed,
                       Set<String> categories, Set<String> had) {
        if (ccpa == CcpaDisclosure.SALE && was != CcpaDisclosure.SALE) {
            throw ConsentRules.rule("ccpa", "personal data is never sold (policy §11): no purpose can be a sale;"
                    + " sharing for cross-context behavioural advertising is SHARING");
        }
        if (was == CcpaDisclosure.SALE && ccpa != CcpaDisclosure.SALE) {
            throw ConsentRules.rule("ccpa", "a sale stays a sale: its history records it; create a new purpose");
        }
        if (ccpa == CcpaDisclosure.SHARING && basis != LegalBasis.CONSENT) {
            throw ConsentRules.rule("legalBasis", "sharing for cross-context behavioural advertising needs consent"
                    + " under GDPR: its legal basis must be CONSENT");
        }
        if (ccpa == CcpaDisclosure.SHARING && !optOutAllowed) {
            throw ConsentRules.rule("optOutAllowed", "sharing must honour the CCPA opt-out (do not share, GPC)");
        }
        if (basis == LegalBasis.CONTRACT && optOutAllowed) {
            throw ProblemException.invalid("optOutAllowed", "processing needed for a contract cannot be opted out of");
        }
        for (String c : categories) {
            DataCategory category = c == null || c.length() > 64 ? null : em.find(DataCategory.class, c);
            if (category == null) {
                throw ProblemException.invalid("categories", "unknown data category " + c);
            }
            if (category.retired() && !had.contains(c)) {
                throw ConsentRules.rule("categories", "data category " + c + " is retired");
            }
        }
    }

    private Purpose lockedPurpose(String key) {
        Purpose p = get(key);
        em.lock(p, LockModeType.PESSIMISTIC_WRITE);
        return p;
    }

    public List<DataCategory> categories() {
        return em.createQuery("SELECT c FROM DataCategory c ORDER BY c.key", DataCategory.class).getResultList();
    }

    public DataCategory category(String key) {
        return em.find(DataCategory.class, key);
    }

    /** A category named in the path: 404 when it does not exist. */
    public DataCategory getCategory(String key) {
        DataCategory c = key == null || key.length() > 64 ? null : em.find(DataCategory.class, key);
        if (c == null) {
            throw new ProblemException(ProblemType.NOT_FOUND, "Data category " + key + " does not exist",
                    List.of(new FieldError("categoryKey", "no data category has this key")));
        }
        return c;
    }

    public DataCategory changeCategory(String key, CategoryChange change) {
        DataCategory c = getCategory(key);
        em.lock(c, LockModeType.PESSIMISTIC_WRITE);
        c.change(change.name() == null ? c.name() : change.name(),
                change.description() == null ? c.description() : change.description(),
                change.dataSubjects() == null ? c.dataSubjects() : change.dataSubjects(), Times.now(clock));
        return c;
    }

    /** Retires a category that no current purpose uses (409 naming them otherwise); again: unchanged. */
    public DataCategory retireCategory(String key, String reason) {
        DataCategory c = getCategory(key);
        em.lock(c, LockModeType.PESSIMISTIC_WRITE);
        List<String> users = em.createQuery("SELECT p.key FROM Purpose p JOIN p.categories k WHERE k = :c"
                + " AND p.retiredAt IS NULL ORDER BY p.key", String.class).setParameter("c", key).getResultList();
        if (!c.retired() && !users.isEmpty()) {
            throw ProblemException.conflict("categoryKey", "still used by the current purposes " + users
                    + ": retire them or take the category off them first");
        }
        c.retire(reason, Times.now(clock));
        return c;
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
