package org.steward.atlassian.internal.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.List;
import org.steward.platform.kernel.api.access.AccessParticipant;
import org.steward.platform.kernel.api.access.AccessSection;
import org.steward.platform.kernel.api.access.Provenance;
import org.steward.platform.kernel.api.access.RecordWriter;
import org.steward.platform.kernel.api.access.SubjectAccess;

/**
 * The atlassian module's part of an access export: when the subject's Atlassian account was last reported to
 * Atlassian's personal data reporting API, and what Atlassian answered. (Help-center tickets are the request's own
 * channel, shown with the request.)
 */
@ApplicationScoped
public class AtlassianAccess implements AccessParticipant {

    @PersistenceContext(unitName = "steward")
    EntityManager em;

    @Override
    public String module() {
        return "atlassian";
    }

    @Override
    public void exportSubject(SubjectAccess access, AccessSection section) {
        try (RecordWriter w = section.category("reported-to-atlassian", "Your Atlassian account, reported to Atlassian",
                Provenance.DERIVED, "the vendor's reports to Atlassian's personal data reporting API, which answers"
                        + " whether the account was closed or updated", List.of("reportedAt", "answer"))) {
            // Scalar rows: the export's persistence context keeps the request it locked.
            for (Object[] r : em.createQuery("SELECT a.reportedAt, a.answer FROM ReportedAccount a"
                    + " WHERE a.subjectId = :s", Object[].class)
                    .setParameter("s", access.subjectId().asString()).getResultList()) {
                w.row(r[0], r[1]);
            }
        }
    }
}
