package org.steward.consent.internal.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.steward.consent.api.ConsentAction;
import org.steward.consent.api.ConsentChoices;
import org.steward.consent.api.ConsentHolder;
import org.steward.consent.api.ConsentSource;
import org.steward.consent.api.ConsentStatus;
import org.steward.consent.api.LegalBasis;
import org.steward.consent.internal.entity.ConsentEvent;
import org.steward.consent.internal.entity.ConsentState;
import org.steward.consent.internal.entity.Purpose;
import org.steward.platform.kernel.api.FieldError;
import org.steward.platform.kernel.api.ProblemException;
import org.steward.platform.kernel.api.ProblemType;
import org.steward.platform.kernel.api.SubjectId;
import org.steward.platform.kernel.api.TenantId;

/**
 * A data-subject request's withdrawal (Art. 7(3)) or objection (Art. 21), recorded through {@link ConsentRecorder}
 * one purpose at a time, each with its receipt. Every named purpose is checked before anything is recorded, so a
 * refusal records nothing. The recorder's command has no field for the request: the event carries source ADMIN, and
 * the request keeps which purposes it changed (the answer).
 */
@ApplicationScoped
public class RequestedChoices implements ConsentChoices {

    private static final String FIELD = "purposes";

    /** States in which the subject is already out of a purpose: a withdrawal leaves them as they are. */
    private static final Set<ConsentStatus> OUT = Set.of(ConsentStatus.WITHDRAWN, ConsentStatus.OPTED_OUT,
            ConsentStatus.OBJECTED);

    @PersistenceContext(unitName = "steward")
    EntityManager em;

    @Inject
    Holders holders;

    @Inject
    CurrentStates states;

    @Inject
    ConsentRecorder recorder;

    @Override
    public List<String> withdraw(TenantId tenantId, SubjectId subjectId, Set<String> purposeKeys, String requestRef) {
        ConsentHolder holder = holders.subject(tenantId.asString(), subjectId.asString());
        Map<String, ConsentAction> actions = new LinkedHashMap<>();
        if (purposeKeys == null || purposeKeys.isEmpty()) {
            for (ConsentState s : states.of(holder)) {
                if (s.status() == ConsentStatus.GRANTED || s.status() == ConsentStatus.OPTED_IN) {
                    actions.put(s.purposeKey(), s.status() == ConsentStatus.GRANTED ? ConsentAction.WITHDRAW
                            : ConsentAction.OPT_OUT);
                }
            }
        } else {
            List<FieldError> refused = new ArrayList<>();
            for (String key : new TreeSet<>(purposeKeys)) {
                Purpose p = find(key);
                if (p == null) {
                    refused.add(new FieldError(FIELD, "no purpose has the key " + key));
                } else if (p.legalBasis() == LegalBasis.CONSENT) {
                    actions.put(key, ConsentAction.WITHDRAW);
                } else if (p.optOutAllowed()) {
                    actions.put(key, ConsentAction.OPT_OUT);
                } else {
                    refused.add(new FieldError(FIELD, "purpose " + key + " (legal basis " + p.legalBasis()
                            + ") takes no withdrawal"));
                }
            }
            refuse(refused);
            actions.keySet().removeIf(key -> states.currentState(holder, key)
                    .filter(s -> OUT.contains(s.status())).isPresent());
        }
        return record(tenantId, holder, actions);
    }

    @Override
    public List<String> object(TenantId tenantId, SubjectId subjectId, Set<String> purposeKeys, String requestRef) {
        ConsentHolder holder = holders.subject(tenantId.asString(), subjectId.asString());
        Map<String, ConsentAction> actions = new LinkedHashMap<>();
        if (purposeKeys == null || purposeKeys.isEmpty()) {
            em.createQuery("SELECT p FROM Purpose p WHERE p.legalBasis = :li ORDER BY p.key", Purpose.class)
                    .setParameter("li", LegalBasis.LEGITIMATE_INTEREST).getResultList().stream()
                    .filter(p -> !p.retired()).forEach(p -> actions.put(p.key(), ConsentAction.OBJECT));
        } else {
            List<FieldError> refused = new ArrayList<>();
            for (String key : new TreeSet<>(purposeKeys)) {
                Purpose p = find(key);
                if (p == null) {
                    refused.add(new FieldError(FIELD, "no purpose has the key " + key));
                } else if (p.legalBasis() != LegalBasis.LEGITIMATE_INTEREST) {
                    refused.add(new FieldError(FIELD, "purpose " + key + " (legal basis " + p.legalBasis()
                            + ") takes no objection: Art. 21 applies to legitimate interest"));
                } else {
                    actions.put(key, ConsentAction.OBJECT);
                }
            }
            refuse(refused);
        }
        actions.keySet().removeIf(key -> states.currentState(holder, key)
                .filter(s -> s.status() == ConsentStatus.OBJECTED).isPresent());
        return record(tenantId, holder, actions);
    }

    private Purpose find(String key) {
        return key == null || key.length() > 64 ? null : em.find(Purpose.class, key);
    }

    private List<String> record(TenantId tenantId, ConsentHolder holder, Map<String, ConsentAction> actions) {
        List<String> changed = new ArrayList<>();
        actions.forEach((key, action) -> {
            recorder.record(new ConsentRecorder.Command(holder, tenantId.asString(), key, action, null, null,
                    ConsentSource.ADMIN, null, null, ConsentEvent.Proof.NONE, null));
            changed.add(key);
        });
        return changed;
    }

    private static void refuse(List<FieldError> refused) {
        if (!refused.isEmpty()) {
            throw new ProblemException(ProblemType.VALIDATION, FIELD + ": " + refused.get(0).message()
                    + (refused.size() > 1 ? " (and " + (refused.size() - 1) + " more)" : ""), refused);
        }
    }
}
