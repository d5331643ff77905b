package org.steward.consent.internal.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.List;
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
 * Withdrawals and objections made through a data-subject request: recorded as any consent event (source ADMIN, with
 * a receipt), so the decision, the history and the purpose ends follow as they do for a choice made in the app.
 */
@ApplicationScoped
public class RequestedChoices implements ConsentChoices {

    @Inject
    ConsentRecorder recorder;

    @Inject
    Purposes purposes;

    @Inject
    CurrentStates states;

    @Inject
    Holders holders;

    @Override
    public List<String> withdraw(TenantId tenantId, SubjectId subjectId, Set<String> purposeKeys, String requestRef) {
        ConsentHolder holder = holders.subject(tenantId.asString(), subjectId.asString());
        Set<String> keys = new TreeSet<>(purposeKeys == null ? Set.of() : purposeKeys);
        if (keys.isEmpty()) {
            for (ConsentState s : states.of(holder)) {
                if (s.status() == ConsentStatus.GRANTED || s.status() == ConsentStatus.OPTED_IN) {
                    keys.add(s.purposeKey());
                }
            }
        }
        List<Purpose> named = new ArrayList<>();
        for (String key : keys) {
            Purpose p = purposes.named(key, "purposes");
            if (p.legalBasis() != LegalBasis.CONSENT && !p.optOutAllowed()) {
                throw refused(key + " rests on " + p.legalBasis() + " and takes no withdrawal");
            }
            named.add(p);
        }
        List<String> changed = new ArrayList<>();
        for (Purpose p : named) {
            ConsentStatus now = current(holder, p.key());
            ConsentAction action = p.legalBasis() == LegalBasis.CONSENT ? ConsentAction.WITHDRAW : ConsentAction.OPT_OUT;
            ConsentStatus after = action == ConsentAction.WITHDRAW ? ConsentStatus.WITHDRAWN : ConsentStatus.OPTED_OUT;
            if (now != after && (now != ConsentStatus.NONE || action == ConsentAction.OPT_OUT)) {
                record(holder, tenantId, p.key(), action);
                changed.add(p.key());
            }
        }
        return changed;
    }

    @Override
    public List<String> object(TenantId tenantId, SubjectId subjectId, Set<String> purposeKeys, String requestRef) {
        ConsentHolder holder = holders.subject(tenantId.asString(), subjectId.asString());
        List<Purpose> named = new ArrayList<>();
        if (purposeKeys == null || purposeKeys.isEmpty()) {
            for (Purpose p : purposes.list()) {
                if (p.legalBasis() == LegalBasis.LEGITIMATE_INTEREST && !p.retired()) {
                    named.add(p);
                }
            }
        } else {
            for (String key : new TreeSet<>(purposeKeys)) {
                Purpose p = purposes.named(key, "purposes");
                if (p.legalBasis() != LegalBasis.LEGITIMATE_INTEREST) {
                    throw refused(key + " rests on " + p.legalBasis() + ": an objection (Art. 21) concerns"
                            + " legitimate interests");
                }
                named.add(p);
            }
        }
        List<String> changed = new ArrayList<>();
        for (Purpose p : named) {
            if (current(holder, p.key()) != ConsentStatus.OBJECTED) {
                record(holder, tenantId, p.key(), ConsentAction.OBJECT);
                changed.add(p.key());
            }
        }
        return changed;
    }

    private ConsentStatus current(ConsentHolder holder, String purposeKey) {
        return states.currentState(holder, purposeKey).map(ConsentState::status).orElse(ConsentStatus.NONE);
    }

    private void record(ConsentHolder holder, TenantId tenantId, String purposeKey, ConsentAction action) {
        recorder.record(new ConsentRecorder.Command(holder, tenantId.asString(), purposeKey, action, null, null,
                ConsentSource.ADMIN, null, null, ConsentEvent.Proof.NONE, null));
    }

    private static ProblemException refused(String message) {
        return new ProblemException(ProblemType.BUSINESS_RULE, "The choice cannot be recorded",
                List.of(new FieldError("purposes", message)));
    }
}
