package org.steward.consent.internal.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.bind.Jsonb;
import jakarta.json.bind.JsonbBuilder;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import org.steward.consent.api.ConsentHolder;
import org.steward.consent.internal.entity.ConsentEvent;
import org.steward.consent.internal.entity.ConsentState;
import org.steward.consent.internal.entity.Purpose;
import org.steward.platform.kernel.api.access.AccessParticipant;
import org.steward.platform.kernel.api.access.AccessSection;
import org.steward.platform.kernel.api.access.DeviceAccess;
import org.steward.platform.kernel.api.access.Provenance;
import org.steward.platform.kernel.api.access.RecordWriter;
import org.steward.platform.kernel.api.access.SubjectAccess;

/**
 * Consent's part of an access export: every choice the holder made, each with its signed receipt (verifiable
 * against the published keys), the current state per purpose, a restriction, and the register's purposes with their
 * legal bases and data categories: why the data is processed (Art. 15(1)(a)).
 */
@ApplicationScoped
public class ConsentAccess implements AccessParticipant {

    private static final Jsonb JSON = JsonbBuilder.create();

    @Inject
    Holders holders;

    @Inject
    History history;

    @Inject
    CurrentStates states;

    @Inject
    Receipts receipts;

    @Inject
    Restrictions restrictions;

    @Inject
    Purposes purposes;

    @Override
    public String module() {
        return "consent";
    }

    @Override
    public void exportSubject(SubjectAccess access, AccessSection section) {
        ConsentHolder holder = holders.subject(access.tenantId().asString(), access.subjectId().asString());
        export(holder, section);
        try (RecordWriter w = section.category("restriction", "Restriction of processing", Provenance.PROVIDED,
                "your request to restrict processing (GDPR Art. 18)", List.of("restrictionId", "restrictedAt",
                        "requestRef"))) {
            restrictions.of(holder).ifPresent(r -> w.row(r.restrictionId(), r.restrictedAt(), r.requestRef()));
        }
        purposes(section);
    }

    @Override
    public void exportDevice(DeviceAccess access, AccessSection section) {
        export(holders.device(access.deviceId().asString()), section);
        purposes(section);
    }

    private void export(ConsentHolder holder, AccessSection section) {
        try (RecordWriter w = section.category("consent-history", "Your consent choices", Provenance.PROVIDED,
                "you, through the vendor's app, website, mail links or a request", List.of("eventId", "purpose",
                        "action", "statusAfter", "source", "noticeVersion", "noticeLanguage", "occurredAt",
                        "expiresAt", "receiptId", "receipt"))) {
            for (ConsentEvent e : history.of(holder)) {
                Object receipt = e.receiptId() == null ? null : receipts.of(holder, e.receiptId())
                        .map(r -> (Object) JSON.fromJson(JSON.toJson(r), Map.class)).orElse(null);
                w.row(e.id(), e.purposeKey(), e.action().name(), e.status().name(), e.source().name(),
                        e.noticeVersion(), e.noticeLanguage(), e.occurredAt(), e.expiresAt(), e.receiptId(), receipt);
            }
        }
        try (RecordWriter w = section.category("consent-state", "Your current choices", Provenance.PROVIDED,
                "your latest choice per purpose", List.of("purpose", "status", "since", "expiresAt",
                        "noticeVersion"))) {
            for (ConsentState s : states.of(holder)) {
                w.row(s.purposeKey(), s.status().name(), s.changedAt(), s.expiresAt(), s.noticeVersion());
            }
        }
    }

    private void purposes(AccessSection section) {
        try (RecordWriter w = section.category("purposes", "Why we process personal data", Provenance.DERIVED,
                "the vendor's register of processing (GDPR Art. 30)", List.of("purpose", "name", "legalBasis",
                        "dataCategories", "ccpa", "optOutAllowed", "retired"))) {
            for (Purpose p : purposes.list()) {
                w.row(p.key(), p.name(), p.legalBasis().name(), List.copyOf(new TreeSet<>(p.categories())),
                        p.ccpa().name(), p.optOutAllowed(), p.retired());
            }
        }
    }
}
