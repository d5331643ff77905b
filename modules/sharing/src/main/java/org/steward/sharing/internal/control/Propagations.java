package org.steward.sharing.internal.control;

import static org.steward.platform.kernel.api.Jsonp.JSON;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import java.io.StringReader;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SortedSet;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.UUID;
import org.steward.identity.api.SubjectDirectory;
import org.steward.platform.crypto.api.Crypto;
import org.steward.platform.crypto.api.KeyedCipher;
import org.steward.platform.kernel.api.DataKeyId;
import org.steward.platform.kernel.api.FieldError;
import org.steward.platform.kernel.api.Ids;
import org.steward.platform.kernel.api.ProblemException;
import org.steward.platform.kernel.api.ProblemType;
import org.steward.platform.kernel.api.SubjectId;
import org.steward.platform.kernel.api.Times;
import org.steward.sharing.api.OverdueRecipient;
import org.steward.sharing.api.PropagationProgress;
import org.steward.sharing.api.RecipientPropagations;
import org.steward.sharing.internal.entity.Propagation;
import org.steward.sharing.internal.entity.Subprocessor;

/**
 * Propagation to recipients (GDPR Art. 17(2), 19): one task per cause and recipient that ever received the
 * subject's data according to the ledger. The identifiers a recipient knows the subject by are read while the subject
 * still exists and kept encrypted under the task's own key until the task closes.
 */
@ApplicationScoped
public class Propagations implements RecipientPropagations {

    static final String PAYLOAD = "propagation-payload";

    @PersistenceContext(unitName = "steward")
    EntityManager em;

    @Inject
    SubjectDirectory subjects;

    @Inject
    Crypto crypto;

    @Inject
    SharingConfig config;

    @Inject
    Clock clock;

    /** One task per recipient of the subject's data; returns how many. Idempotent per cause. */
    public int propagate(String causeRef, Propagation.Kind kind, String tenantId, String subjectId,
                         Set<String> fields) {
        Map<String, SortedSet<String>> recipients = recipientsOf(subjectId);
        if (recipients.isEmpty()) {
            return 0;
        }
        SubjectDirectory.KnownIdentifiers ids = subjects.identifiersOf(SubjectId.of(subjectId)).orElse(null);
        OffsetDateTime now = Times.now(clock);
        int created = 0;
        for (Map.Entry<String, SortedSet<String>> e : recipients.entrySet()) {
            Subprocessor r = em.find(Subprocessor.class, e.getKey());
            if (r == null || exists(causeRef, r.id())) {
                continue;
            }
            JsonObjectBuilder payload = JSON.createObjectBuilder().add("tenantId", tenantId)
                    .add("subjectId", subjectId);
            if (ids != null) {
                addIfSet(payload, "email", ids.email());
                addIfSet(payload, "username", ids.username());
                addIfSet(payload, "accountId", ids.accountId());
            }
            if (fields != null && !fields.isEmpty()) {
                payload.add("fields", JSON.createArrayBuilder(new TreeSet<>(fields)));
            }
            persist(causeRef, kind, tenantId, kind == Propagation.Kind.ERASURE ? null : subjectId, r,
                    payload.build().toString(), String.join(",", e.getValue()), now);
            created++;
        }
        return created;
    }

    /** For a tenant's erasure: every recipient of the tenant's bulk disclosures is told to erase the tenant's data. */
    public int propagateTenant(String causeRef, String tenantId) {
        Map<String, SortedSet<String>> recipients = new TreeMap<>();
        for (Object[] row : em.createQuery("SELECT d.recipientId, d.categories FROM Disclosure d WHERE d.tenantId = :t"
                + " AND d.subjectId IS NULL", Object[].class).setParameter("t", tenantId).getResultList()) {
            recipients.computeIfAbsent((String) row[0], k -> new TreeSet<>())
                    .addAll(List.of(((String) row[1]).split(",")));
        }
        OffsetDateTime now = Times.now(clock);
        int created = 0;
        for (Map.Entry<String, SortedSet<String>> e : recipients.entrySet()) {
            Subprocessor r = em.find(Subprocessor.class, e.getKey());
            if (r == null || exists(causeRef, r.id())) {
                continue;
            }
            persist(causeRef, Propagation.Kind.ERASURE, tenantId, null, r,
                    JSON.createObjectBuilder().add("tenantId", tenantId).build().toString(),
                    String.join(",", e.getValue()), now);
            created++;
        }
        return created;
    }

    private void persist(String causeRef, Propagation.Kind kind, String tenantId, String subjectId, Subprocessor r,
                         String payload, String categories, OffsetDateTime now) {
        KeyedCipher cipher = crypto.newDataKey();
        OffsetDateTime due = r.connector() == Subprocessor.Connector.MANUAL
                ? now.plus(r.manualDueDays(), ChronoUnit.DAYS) : now.plus(config.confirmationDue());
        Propagation p = new Propagation(Ids.newId().toString(), causeRef, kind, tenantId, subjectId, r.id(),
                r.connector(), cipher.keyId().asString(), cipher.encrypt(PAYLOAD, payload), categories, due, now);
        em.persist(p);
        if (r.connector() == Subprocessor.Connector.OPENDSR) {
            // The processor's request id is fixed before the first try, so that a retry is the same request to it.
            em.flush();
            em.createQuery("UPDATE Propagation p SET p.remoteRef = :r WHERE p.id = :id")
                    .setParameter("r", UUID.randomUUID().toString()).setParameter("id", p.id()).executeUpdate();
        }
    }

    /** Recipient id → every category the subject's data went to it in, from the ledger. */
    Map<String, SortedSet<String>> recipientsOf(String subjectId) {
        Map<String, SortedSet<String>> out = new TreeMap<>();
        for (Object[] row : em.createQuery("SELECT d.recipientId, d.categories FROM Disclosure d WHERE d.subjectId = :s",
                Object[].class).setParameter("s", subjectId).getResultList()) {
            out.computeIfAbsent((String) row[0], k -> new TreeSet<>()).addAll(List.of(((String) row[1]).split(",")));
        }
        return out;
    }

    private boolean exists(String causeRef, String recipientId) {
        return em.createQuery("SELECT COUNT(p) FROM Propagation p WHERE p.causeRef = :c AND p.recipientId = :r",
                Long.class).setParameter("c", causeRef).setParameter("r", recipientId).getSingleResult() > 0;
    }

    /** The task's payload, decrypted; null once it closed. */
    public JsonObject payload(Propagation p) {
        if (p.payloadEnc() == null) {
            return null;
        }
        String json = crypto.cipher(DataKeyId.of(p.dataKeyId())).decrypt(PAYLOAD, p.payloadEnc());
        try (var reader = JSON.createReader(new StringReader(json))) {
            return reader.readObject();
        }
    }

    public Propagation get(String id) {
        Propagation p = id == null || Ids.parseOrNull(id) == null ? null : em.find(Propagation.class, id);
        if (p == null) {
            throw new ProblemException(ProblemType.NOT_FOUND, "Propagation " + id + " does not exist",
                    List.of(new FieldError("propagationId", "no such propagation task")));
        }
        return p;
    }

    public Propagation lock(String id) {
        Propagation p = get(id);
        em.lock(p, LockModeType.PESSIMISTIC_WRITE);
        em.refresh(p);
        return p;
    }

    /**
     * Closes a task: CONFIRMED (the recipient did it) or WAIVED (a privacy officer decided it need not be done, with
     * a reason). The payload's key is destroyed with it. Closing a closed task again is a 409.
     */
    public Propagation close(String id, Propagation.State state, String by, String note) {
        Propagation p = lock(id);
        if (p.state().closed()) {
            throw ProblemException.conflict("state", "the task is already " + p.state());
        }
        p.close(state, by, note, Times.now(clock));
        if (p.dataKeyId() != null) {
            crypto.destroy(DataKeyId.of(p.dataKeyId()));
        }
        return p;
    }

    @Override
    public PropagationProgress progress(String causeRef) {
        OffsetDateTime now = Times.now(clock);
        long total = 0;
        long open = 0;
        long overdue = 0;
        for (Object[] row : em.createQuery("SELECT p.state, p.dueAt FROM Propagation p WHERE p.causeRef = :c",
                Object[].class).setParameter("c", causeRef).getResultList()) {
            total++;
            if (!((Propagation.State) row[0]).closed()) {
                open++;
                if (((OffsetDateTime) row[1]).isBefore(now)) {
                    overdue++;
                }
            }
        }
        return new PropagationProgress(total, open, overdue);
    }

    @Override
    public List<OverdueRecipient> overdue(int limit) {
        return em.createQuery("SELECT p FROM Propagation p WHERE p.state NOT IN :closed AND p.dueAt < :now"
                        + " ORDER BY p.dueAt", Propagation.class)
                .setParameter("closed", List.of(Propagation.State.CONFIRMED, Propagation.State.WAIVED))
                .setParameter("now", Times.now(clock)).setMaxResults(limit).getResultList().stream()
                .map(p -> {
                    Subprocessor r = em.find(Subprocessor.class, p.recipientId());
                    return new OverdueRecipient(p.id(), p.kind().name(), r == null ? p.recipientId() : r.name(),
                            p.connector().name(), p.causeRef(), p.dueAt());
                }).toList();
    }

    public List<Propagation> list(Propagation.State state, Subprocessor.Connector connector, String recipientId,
                                  boolean overdueOnly, String afterId, int limit) {
        return em.createQuery("SELECT p FROM Propagation p WHERE (:st IS NULL OR p.state = :st)"
                        + " AND (:c IS NULL OR p.connector = :c) AND (:r IS NULL OR p.recipientId = :r)"
                        + " AND (:overdue = FALSE OR (p.state NOT IN :closed AND p.dueAt < :now))"
                        + " AND p.id > :after ORDER BY p.id", Propagation.class)
                .setParameter("st", state).setParameter("c", connector).setParameter("r", recipientId)
                .setParameter("overdue", overdueOnly)
                .setParameter("closed", List.of(Propagation.State.CONFIRMED, Propagation.State.WAIVED))
                .setParameter("now", Times.now(clock)).setParameter("after", afterId == null ? "" : afterId)
                .setMaxResults(limit).getResultList();
    }

    private static void addIfSet(JsonObjectBuilder b, String name, String value) {
        if (value != null && !value.isEmpty()) {
            b.add(name, value);
        }
    }
}
