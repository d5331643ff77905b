package org.steward.retention.internal.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.List;
import org.steward.platform.kernel.api.Times;
import org.steward.platform.kernel.api.access.AccessParticipant;
import org.steward.platform.kernel.api.access.AccessSection;
import org.steward.platform.kernel.api.access.DeviceAccess;
import org.steward.platform.kernel.api.access.Provenance;
import org.steward.platform.kernel.api.access.RecordWriter;
import org.steward.platform.kernel.api.access.SubjectAccess;
import org.steward.retention.internal.entity.LegalHold;
import org.steward.retention.internal.entity.PurposeEnd;
import org.steward.retention.internal.entity.RetentionPolicy;

/**
 * Retention's part of an access export: how long each category is kept (Art. 15(1)(d)), the legal holds that keep
 * the subject's data beyond that, and the ends of purposes from which erasure is counted.
 */
@ApplicationScoped
public class RetentionAccess implements AccessParticipant {

    @PersistenceContext(unitName = "steward")
    EntityManager em;

    @Inject
    Policies policies;

    @Inject
    PurposeEnds purposeEnds;

    @Inject
    Clock clock;

    @Override
    public String module() {
        return "retention";
    }

    @Override
    public void exportSubject(SubjectAccess access, AccessSection section) {
        String tenant = access.tenantId().asString();
        String subject = access.subjectId().asString();
        policies(section);
        OffsetDateTime now = Times.now(clock);
        try (RecordWriter w = section.category("legal-holds", "Legal holds on your data", Provenance.DERIVED,
                "the vendor's legal team", List.of("holdId", "scope", "reason", "since", "until"))) {
            for (LegalHold h : em.createQuery("SELECT h FROM LegalHold h WHERE h.releasedAt IS NULL AND h.endsAt > :now"
                            + " AND h.tenantId = :t AND (h.subjectId IS NULL OR h.subjectId = :s) ORDER BY h.createdAt",
                    LegalHold.class).setParameter("now", now).setParameter("t", tenant).setParameter("s", subject)
                    .getResultList()) {
                if (h.scope() == LegalHold.Scope.TENANT || subject.equals(h.subjectId())) {
                    w.row(h.id(), h.scope().name(), h.reason(), h.createdAt(), h.endsAt());
                }
            }
        }
        try (RecordWriter w = section.category("purpose-ends", "Purposes that ended", Provenance.DERIVED,
                "your choices, or the vendor's systems when a purpose was fulfilled", List.of("purpose", "cause",
                        "endedAt", "status"))) {
            for (PurposeEnd e : purposeEnds.of(tenant, subject)) {
                w.row(e.purposeKey(), e.cause().name(), e.endedAt(), e.status().name());
            }
        }
    }

    @Override
    public void exportDevice(DeviceAccess access, AccessSection section) {
        policies(section);
    }

    private void policies(AccessSection section) {
        try (RecordWriter w = section.category("retention-policies", "How long each kind of data is kept",
                Provenance.DERIVED, "the vendor's retention policies (policy §10)", List.of("category", "trigger",
                        "periodDays", "rationale"))) {
            for (RetentionPolicy p : policies.list()) {
                w.row(p.categoryKey(), p.trigger().name(), p.periodDays(), p.rationale());
            }
        }
    }
}
