package org.steward.sharing.internal.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.List;
import java.util.Map;
import java.util.SortedSet;
import org.steward.platform.kernel.api.access.AccessParticipant;
import org.steward.platform.kernel.api.access.AccessSection;
import org.steward.platform.kernel.api.access.Provenance;
import org.steward.platform.kernel.api.access.RecordWriter;
import org.steward.platform.kernel.api.access.SubjectAccess;
import org.steward.sharing.internal.entity.Subprocessor;

/**
 * Sharing's part of an access export: the recipients to whom the subject's data was disclosed (GDPR Art. 15(1)(c)),
 * with where they process it and the safeguard of the transfer (Art. 15(2)), and each disclosure from the ledger.
 */
@ApplicationScoped
public class SharingAccess implements AccessParticipant {

    private static final int PAGE = 500;

    @PersistenceContext(unitName = "steward")
    EntityManager em;

    @Inject
    Propagations propagations;

    @Override
    public String module() {
        return "sharing";
    }

    @Override
    public void exportSubject(SubjectAccess access, AccessSection section) {
        String subject = access.subjectId().asString();
        Map<String, SortedSet<String>> recipients = propagations.recipientsOf(subject);
        try (RecordWriter w = section.category("recipients", "Who received your data", Provenance.DERIVED,
                "the vendor's ledger of disclosures and its subprocessor register (policy §11)", List.of("recipient",
                        "kind", "purpose", "categories", "countries", "transferSafeguard", "status"))) {
            for (Map.Entry<String, SortedSet<String>> e : recipients.entrySet()) {
                Subprocessor s = em.find(Subprocessor.class, e.getKey());
                if (s != null) {
                    w.row(s.name(), s.category().name(), s.purpose(), List.copyOf(e.getValue()), s.countries(),
                            s.transferMechanism().name(), s.status().name());
                }
            }
        }
        try (RecordWriter w = section.category("disclosures", "Each disclosure of your data", Provenance.DERIVED,
                "the vendor's apps, which report every disclosure to Steward", List.of("disclosureId", "recipient",
                        "categories", "purpose", "legalBasis", "occurredAt"))) {
            // Scalar rows, not entities: the export runs in the task's persistence context, which must keep the
            // request it locked (clearing it would detach that, and lose the request's completion).
            java.util.Map<String, String> names = new java.util.HashMap<>();
            String after = "";
            List<Object[]> page;
            do {
                page = em.createQuery("SELECT d.id, d.recipientId, d.categories, d.purposeKey, d.legalBasis,"
                                + " d.occurredAt FROM Disclosure d WHERE d.subjectId = :s AND d.id > :after ORDER BY d.id",
                        Object[].class).setParameter("s", subject).setParameter("after", after).setMaxResults(PAGE)
                        .getResultList();
                for (Object[] d : page) {
                    String recipient = names.computeIfAbsent((String) d[1], id -> {
                        Subprocessor s = em.find(Subprocessor.class, id);
                        return s == null ? id : s.name();
                    });
                    w.row(d[0], recipient, List.of(((String) d[2]).split(",")), d[3], d[4], d[5]);
                    after = (String) d[0];
                }
            } while (page.size() == PAGE);
        }
    }
}
