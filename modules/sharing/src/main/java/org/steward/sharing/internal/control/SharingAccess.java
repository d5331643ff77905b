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
import org.steward.sharing.internal.entity.Disclosure;
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
    Disclosures disclosures;

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
            String after = "";
            List<Disclosure> page;
            do {
                page = disclosures.ofSubject(subject, after, PAGE);
                for (Disclosure d : page) {
                    Subprocessor s = em.find(Subprocessor.class, d.recipientId());
                    w.row(d.id(), s == null ? d.recipientId() : s.name(), d.categories(), d.purposeKey(),
                            d.legalBasis(), d.occurredAt());
                    after = d.id();
                }
                em.clear();
            } while (page.size() == PAGE);
        }
    }
}
