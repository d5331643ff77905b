package org.steward.sharing.internal.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.SortedSet;
import java.util.TreeMap;
import java.util.TreeSet;
import org.steward.consent.api.CcpaDisclosure;
import org.steward.consent.api.ConsentDecisions;
import org.steward.identity.api.PersonalDataGate;
import org.steward.identity.api.SubjectDirectory;
import org.steward.platform.kernel.api.FieldError;
import org.steward.platform.kernel.api.Ids;
import org.steward.platform.kernel.api.ProblemException;
import org.steward.platform.kernel.api.ProblemType;
import org.steward.platform.kernel.api.SubjectId;
import org.steward.platform.kernel.api.TenantId;
import org.steward.platform.kernel.api.Times;
import org.steward.platform.security.api.CurrentCaller;
import org.steward.platform.security.api.TenantDirectory;
import org.steward.platform.security.api.TenantScope;
import org.steward.sharing.internal.entity.Disclosure;
import org.steward.sharing.internal.entity.Subprocessor;

/**
 * The disclosure ledger and the checks made before anything is recorded (policy §11, §12): never a sale, only an
 * active subprocessor, only the categories it is registered to receive, and for a marketing or analytics recipient
 * only what the subject's consent decision allows. A refusal means the client must not send the data. A batch is
 * checked whole before anything is written: one bad item refuses it, and the answer names every bad item.
 */
@ApplicationScoped
public class Disclosures {

    @PersistenceContext(unitName = "steward")
    EntityManager em;

    @Inject
    Register register;

    @Inject
    ConsentDecisions decisions;

    @Inject
    SubjectDirectory subjects;

    @Inject
    TenantDirectory tenants;

    @Inject
    PersonalDataGate gate;

    @Inject
    TenantScope scope;

    @Inject
    CurrentCaller caller;

    @Inject
    Clock clock;

    /** A report that passed every check: what will be recorded. */
    public record Checked(Report report, Subprocessor recipient, SortedSet<String> categories,
                          ConsentDecisions.PurposeTerms purpose, String jurisdiction, OffsetDateTime occurredAt) {
    }

    /** A recorded disclosure, and whether it was already recorded under its client id. */
    public record Recorded(Disclosure disclosure, Subprocessor recipient, boolean replayed) {
    }

    /** The checks alone (the pre-check); throws the problem {@link #record} would. */
    public Checked check(Report r) {
        return checkAll(List.of(r), "").get(0);
    }

    public Recorded record(Report r) {
        return recordAll(List.of(r), "").get(0);
    }

    /** Every item checked first, then each recorded; {@code prefix} is "items" for a batch (fields items[i].x). */
    public List<Recorded> recordAll(List<Report> reports, String prefix) {
        lockRecipients(reports);
        List<Checked> checked = checkAll(reports, prefix);
        List<Recorded> out = new ArrayList<>(checked.size());
        TreeMap<String, Integer> seen = new TreeMap<>();
        for (int i = 0; i < checked.size(); i++) {
            Checked c = checked.get(i);
            String key = c.report().tenantId() + "/" + c.report().clientId();
            Integer first = seen.putIfAbsent(key, i);
            if (first != null) {
                Recorded earlier = out.get(first);
                if (!earlier.disclosure().fingerprint().equals(fingerprint(c))) {
                    throw ProblemException.conflict(field(prefix, i, "clientId"),
                            "the batch uses this clientId twice for different disclosures");
                }
                out.add(new Recorded(earlier.disclosure(), earlier.recipient(), true));
                continue;
            }
            out.add(store(c, field(prefix, i, "clientId")));
        }
        return out;
    }

    private Recorded store(Checked c, String clientField) {
        String fingerprint = fingerprint(c);
        Disclosure existing = em.createQuery("SELECT d FROM Disclosure d WHERE d.tenantId = :t AND d.clientRef = :c",
                        Disclosure.class).setParameter("t", c.report().tenantId())
                .setParameter("c", c.report().clientId()).getResultStream().findFirst().orElse(null);
        if (existing != null) {
            if (!existing.fingerprint().equals(fingerprint)) {
                throw ProblemException.conflict(clientField, "a different disclosure was already recorded under this"
                        + " clientId");
            }
            return new Recorded(existing, c.recipient(), true);
        }
        Disclosure d = new Disclosure(Ids.newId().toString(), c.report().tenantId(), c.report().clientId(),
                fingerprint, c.report().subjectId(), c.recipient().id(), List.copyOf(c.categories()),
                c.purpose().key(), c.purpose().basis().name(), c.jurisdiction(), c.occurredAt(), Times.now(clock),
                caller.get().id());
        em.persist(d);
        return new Recorded(d, c.recipient(), false);
    }

    /**
     * Locks each recipient (in id order, so two batches never deadlock): a retirement cannot slip in between the check
     * and the record, and two reports under one client id are recorded one after the other. The tenant's shared lock
     * (the personal-data gate) comes after it; nothing locks a tenant and then a subprocessor.
     */
    private void lockRecipients(List<Report> reports) {
        TreeSet<String> ids = new TreeSet<>();
        for (Report r : reports) {
            Subprocessor s = register.find(r.recipient());
            if (s != null) {
                ids.add(s.id());
            }
        }
        for (String id : ids) {
            Subprocessor s = em.find(Subprocessor.class, id, LockModeType.PESSIMISTIC_WRITE);
            if (s != null) {
                em.refresh(s);
            }
        }
    }

    private List<Checked> checkAll(List<Report> reports, String prefix) {
        List<Checked> out = new ArrayList<>(reports.size());
        List<FieldError> errors = new ArrayList<>();
        ProblemType first = null;
        String firstDetail = null;
        for (int i = 0; i < reports.size(); i++) {
            try {
                out.add(check(reports.get(i), prefix, i));
            } catch (ProblemException e) {
                if (first == null) {
                    first = e.type();
                    firstDetail = e.getMessage();
                }
                errors.addAll(e.errors());
            }
        }
        if (first != null) {
            String detail = prefix.isEmpty() ? firstDetail : errors.size() == 1
                    ? "The batch is refused whole: one item may not be disclosed. " + firstDetail
                    : "The batch is refused whole: " + errors.size() + " items may not be disclosed. " + firstDetail;
            throw new ProblemException(first, detail, errors);
        }
        return out;
    }

    private Checked check(Report r, String prefix, int i) {
        String tenantId = r.tenantId();
        if (Ids.parseOrNull(tenantId) == null || !tenants.exists(tenantId)) {
            throw refused(ProblemType.NOT_FOUND, field(prefix, i, "tenantId"), "no such tenant");
        }
        scope.check(tenantId);
        try {
            // Nothing of a tenant whose licence ended (or that is on Data Center) is disclosed: policy §10, §4b.
            gate.admit(TenantId.of(tenantId));
        } catch (ProblemException e) {
            throw refused(e.type(), field(prefix, i, "tenantId"), e.getMessage());
        }
        if (r.subjectId() != null) {
            Optional<SubjectDirectory.SubjectRef> s = Ids.parseOrNull(r.subjectId()) == null ? Optional.empty()
                    : subjects.find(SubjectId.of(r.subjectId()));
            if (s.isEmpty() || !s.get().tenantId().asString().equals(tenantId)) {
                throw refused(ProblemType.NOT_FOUND, field(prefix, i, "subjectId"), "no such subject in this tenant");
            }
        }
        ConsentDecisions.PurposeTerms purpose = decisions.terms(r.purpose()).orElseThrow(() ->
                refused(ProblemType.VALIDATION, field(prefix, i, "purpose"), "no purpose has the key " + r.purpose()));
        if (purpose.ccpa() == CcpaDisclosure.SALE) {
            throw refused(ProblemType.SALE_PROHIBITED, field(prefix, i, "purpose"), "the purpose " + purpose.key()
                    + " is a sale of personal data; we do not sell, rent or trade personal data, ever (policy §11)");
        }
        if (purpose.retired()) {
            throw refused(ProblemType.DISCLOSURE_REFUSED, field(prefix, i, "purpose"), "the purpose "
                    + purpose.key() + " is retired");
        }
        Subprocessor recipient = register.find(r.recipient());
        if (recipient == null) {
            throw refused(ProblemType.DISCLOSURE_REFUSED, field(prefix, i, "recipient"),
                    "no subprocessor is registered under this id or name; personal data goes only to the register's"
                            + " active subprocessors");
        }
        if (!recipient.active()) {
            throw refused(ProblemType.DISCLOSURE_REFUSED, field(prefix, i, "recipient"), recipient.name() + " is "
                    + recipient.status() + ", not an active subprocessor"
                    + (recipient.status() == Subprocessor.Status.PROPOSED ? " (its objection window runs until "
                    + recipient.effectiveAt() + ")" : ""));
        }
        SortedSet<String> categories = new TreeSet<>();
        SortedSet<String> registered = recipient.dataCategories();
        for (int j = 0; j < r.categories().size(); j++) {
            String c = r.categories().get(j);
            if (!registered.contains(c)) {
                throw refused(ProblemType.DISCLOSURE_REFUSED, field(prefix, i, "categories[" + j + "]"),
                        recipient.name() + " is not registered to receive " + c + " (it receives "
                                + String.join(", ", registered) + ")");
            }
            categories.add(c);
        }
        String jurisdiction = r.jurisdiction() == null ? "GDPR" : r.jurisdiction();
        if (recipient.category() == Subprocessor.Category.MARKETING_ANALYTICS) {
            if (r.subjectId() == null) {
                throw refused(ProblemType.DISCLOSURE_REFUSED, field(prefix, i, "subjectId"), "a disclosure to a"
                        + " marketing or analytics recipient names its subject, so that the subject's choices are"
                        + " checked; bulk disclosures to " + recipient.name() + " are not allowed");
            }
            ConsentDecisions.Decision d = decisions.decide(SubjectId.of(r.subjectId()), purpose.key(),
                    r.jurisdiction());
            if (!d.allowed()) {
                throw refused(ProblemType.SHARING_OBJECTED, field(prefix, i, "subjectId"), "the subject's decision"
                        + " for " + purpose.key() + " is " + d.reason() + ": do not send the data to "
                        + recipient.name());
            }
        }
        OffsetDateTime now = Times.now(clock);
        OffsetDateTime at = r.occurredAt() == null ? now : Times.of(r.occurredAt());
        if (at.isAfter(now.plusMinutes(5))) {
            throw refused(ProblemType.VALIDATION, field(prefix, i, "occurredAt"), "must not be in the future");
        }
        return new Checked(r, recipient, categories, purpose, jurisdiction, at);
    }

    /** The ledger for staff, newest first, filtered by tenant, subject and recipient (each optional). */
    public List<Disclosure> list(String tenantId, String subjectId, String recipientId, String beforeId, int limit) {
        if (tenantId != null) {
            scope.check(tenantId);
        } else if (scope.boundTenant() != null) {
            tenantId = scope.boundTenant();
        }
        return em.createQuery("SELECT d FROM Disclosure d WHERE (:t IS NULL OR d.tenantId = :t)"
                        + " AND (:s IS NULL OR d.subjectId = :s) AND (:r IS NULL OR d.recipientId = :r)"
                        + " AND (:before = '' OR d.id < :before) ORDER BY d.id DESC", Disclosure.class)
                .setParameter("t", tenantId).setParameter("s", subjectId).setParameter("r", recipientId)
                .setParameter("before", beforeId == null ? "" : beforeId).setMaxResults(limit).getResultList();
    }

    private static ProblemException refused(ProblemType type, String field, String message) {
        return new ProblemException(type, field + ": " + message, List.of(new FieldError(field, message)));
    }

    static String field(String prefix, int i, String name) {
        return prefix.isEmpty() ? name : prefix + "[" + i + "]." + name;
    }

    /** What makes two reports the same disclosure (the client id aside). */
    static String fingerprint(Checked c) {
        String canonical = String.join("\n", String.valueOf(c.report().subjectId()), c.recipient().id(),
                String.join(",", c.categories()), c.purpose().key(), c.jurisdiction(),
                c.report().occurredAt() == null ? "" : Times.of(c.report().occurredAt()).toString());
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(canonical.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
