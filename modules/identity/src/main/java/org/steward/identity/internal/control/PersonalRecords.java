package org.steward.identity.internal.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import jakarta.json.bind.Jsonb;
import jakarta.json.bind.JsonbBuilder;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.List;
import org.steward.identity.api.PersonalDataGate;
import org.steward.identity.api.ProcessingRestrictions;
import org.steward.identity.api.RecordId;
import org.steward.identity.internal.entity.PersonalRecord;
import org.steward.identity.internal.entity.RecordCategory;
import org.steward.identity.internal.entity.Subject;
import org.steward.identity.internal.entity.Tenant;
import org.steward.platform.crypto.api.Crypto;
import org.steward.platform.crypto.api.KeyedCipher;
import org.steward.platform.kernel.api.FieldError;
import org.steward.platform.kernel.api.Ids;
import org.steward.platform.kernel.api.PageRequest;
import org.steward.platform.kernel.api.ProblemException;
import org.steward.platform.kernel.api.ProblemType;
import org.steward.platform.kernel.api.Times;

/**
 * The personal-data records of policy §4b. Each record's typed content is serialised to JSON and encrypted under the
 * subject's data key, bound to the record's id.
 */
@ApplicationScoped
public class PersonalRecords {

    private static final Jsonb JSON = JsonbBuilder.create();

    /** A stored record with its content decrypted. */
    public record Opened<T>(PersonalRecord record, T content) {
    }

    @PersistenceContext(unitName = "steward")
    EntityManager em;

    @Inject
    Crypto crypto;

    @Inject
    Tenants tenants;

    @Inject
    Subjects subjects;

    @Inject
    PersonalDataGate gate;

    @Inject
    Instance<ProcessingRestrictions> restrictions;

    @Inject
    Clock clock;

    @Transactional
    public <T> Opened<T> add(String tenantId, String subjectId, RecordCategory category, T content,
                             OffsetDateTime obtainedAt) {
        Tenant tenant = tenants.get(tenantId);
        gate.admit(tenant.id());
        Subject subject = subjects.find(tenantId, subjectId);
        refuseIfRestricted(subject);
        RecordId id = new RecordId(Ids.newId());
        KeyedCipher cipher = crypto.cipher(subject.dataKeyId());
        byte[] payload = cipher.encrypt(field(id.asString()), JSON.toJson(content));
        OffsetDateTime now = Times.now(clock);
        PersonalRecord record = new PersonalRecord(id, tenant.id(), subject.id(), category, payload,
                obtainedAt == null ? now : obtainedAt, now);
        em.persist(record);
        return new Opened<>(record, content);
    }

    /**
     * Rectification (GDPR Art. 16): the record's content is replaced, under the same key and binding. When it was
     * obtained stays unless the new content says otherwise: correcting a record does not restart its retention.
     * Allowed while the subject is restricted (Art. 18(1)(a) restricts while accuracy is contested, to rectify).
     */
    @Transactional
    public <T> Opened<T> rectify(String tenantId, String subjectId, RecordCategory category, String recordId,
                                 T content, OffsetDateTime obtainedAt) {
        Tenant tenant = tenants.get(tenantId);
        gate.admit(tenant.id());
        Subject subject = subjects.find(tenantId, subjectId);
        PersonalRecord record = find(subject, category, recordId);
        record.replace(crypto.cipher(subject.dataKeyId()).encrypt(field(record.rawId()), JSON.toJson(content)),
                obtainedAt);
        return new Opened<>(record, content);
    }

    public <T> List<Opened<T>> list(String tenantId, String subjectId, RecordCategory category, Class<T> type,
                                    PageRequest page) {
        return list(tenantId, subjectId, category, type, page, true);
    }

    /** With {@code decrypt} false the contents stay sealed: each record comes with an empty {@code type}. */
    public <T> List<Opened<T>> list(String tenantId, String subjectId, RecordCategory category, Class<T> type,
                                    PageRequest page, boolean decrypt) {
        Subject subject = subjects.find(tenantId, subjectId);
        String after = page.after() == null ? "" : page.after();
        List<PersonalRecord> rows = em.createQuery("SELECT r FROM PersonalRecord r WHERE r.subjectId = :s"
                        + " AND r.category = :c AND r.id > :after ORDER BY r.id", PersonalRecord.class)
                .setParameter("s", subject.rawId()).setParameter("c", category).setParameter("after", after)
                .setMaxResults(page.fetchSize()).getResultList();
        if (!decrypt) {
            T empty = JSON.fromJson("{}", type);
            return rows.stream().map(r -> new Opened<>(r, empty)).toList();
        }
        KeyedCipher cipher = crypto.cipher(subject.dataKeyId());
        return rows.stream().map(r -> open(cipher, r, type)).toList();
    }

    public <T> Opened<T> get(String tenantId, String subjectId, RecordCategory category, String recordId,
                             Class<T> type) {
        return get(tenantId, subjectId, category, recordId, type, true);
    }

    public <T> Opened<T> get(String tenantId, String subjectId, RecordCategory category, String recordId,
                             Class<T> type, boolean decrypt) {
        Subject subject = subjects.find(tenantId, subjectId);
        PersonalRecord record = find(subject, category, recordId);
        return decrypt ? open(crypto.cipher(subject.dataKeyId()), record, type)
                : new Opened<>(record, JSON.fromJson("{}", type));
    }

    private PersonalRecord find(Subject subject, RecordCategory category, String recordId) {
        PersonalRecord record = Ids.parseOrNull(recordId) == null ? null : em.find(PersonalRecord.class, recordId);
        if (record == null || !record.subjectId().equals(subject.id()) || record.category() != category) {
            throw ProblemException.notFound("Record", recordId);
        }
        return record;
    }

    /** GDPR Art. 18: a restricted subject's data is stored as it is; nothing new is taken from them. */
    private void refuseIfRestricted(Subject subject) {
        for (ProcessingRestrictions r : restrictions) {
            if (r.isRestricted(subject.id())) {
                throw new ProblemException(ProblemType.PROCESSING_RESTRICTED,
                        "Subject " + subject.rawId() + " has restricted the processing of their data (GDPR Art. 18):"
                                + " it is only stored, and no new record is taken",
                        List.of(new FieldError("subjectId", "processing is restricted")));
            }
        }
    }

    private static <T> Opened<T> open(KeyedCipher cipher, PersonalRecord r, Class<T> type) {
        return new Opened<>(r, JSON.fromJson(cipher.decrypt(field(r.rawId()), r.payload()), type));
    }

    /** The associated data of a record's ciphertext: bound to the record, so it cannot be moved to another. */
    static String field(String recordId) {
        return "record/" + recordId;
    }
}
