package org.steward.identity.internal.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.bind.Jsonb;
import jakarta.json.bind.JsonbBuilder;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.List;
import org.steward.identity.api.RecordId;
import org.steward.identity.internal.entity.PersonalRecord;
import org.steward.identity.internal.entity.RecordCategory;
import org.steward.identity.internal.entity.Subject;
import org.steward.identity.internal.entity.Tenant;
import org.steward.platform.crypto.api.Crypto;
import org.steward.platform.crypto.api.KeyedCipher;
import org.steward.platform.kernel.api.Ids;
import org.steward.platform.kernel.api.PageRequest;
import org.steward.platform.kernel.api.ProblemException;
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
    DataCenterRule dataCenter;

    @Inject
    Clock clock;

    @Transactional
    public <T> Opened<T> add(String tenantId, String subjectId, RecordCategory category, T content,
                             OffsetDateTime obtainedAt) {
        Tenant tenant = tenants.get(tenantId);
        Subject subject = subjects.find(tenantId, subjectId);
        dataCenter.check(tenant);
        RecordId id = new RecordId(Ids.newId());
        KeyedCipher cipher = crypto.cipher(subject.dataKeyId());
        byte[] payload = cipher.encrypt(field(id.asString()), JSON.toJson(content));
        OffsetDateTime now = Times.now(clock);
        PersonalRecord record = new PersonalRecord(id, tenant.id(), subject.id(), category, payload,
                obtainedAt == null ? now : obtainedAt, now);
        em.persist(record);
        return new Opened<>(record, content);
    }

    public <T> List<Opened<T>> list(String tenantId, String subjectId, RecordCategory category, Class<T> type,
                                    PageRequest page) {
        Subject subject = subjects.find(tenantId, subjectId);
        String after = page.after() == null ? "" : page.after();
        List<PersonalRecord> rows = em.createQuery("SELECT r FROM PersonalRecord r WHERE r.subjectId = :s"
                        + " AND r.category = :c AND r.id > :after ORDER BY r.id", PersonalRecord.class)
                .setParameter("s", subject.rawId()).setParameter("c", category).setParameter("after", after)
                .setMaxResults(page.fetchSize()).getResultList();
        KeyedCipher cipher = crypto.cipher(subject.dataKeyId());
        return rows.stream().map(r -> open(cipher, r, type)).toList();
    }

    public <T> Opened<T> get(String tenantId, String subjectId, RecordCategory category, String recordId,
                             Class<T> type) {
        Subject subject = subjects.find(tenantId, subjectId);
        PersonalRecord record = Ids.parseOrNull(recordId) == null ? null : em.find(PersonalRecord.class, recordId);
        if (record == null || !record.subjectId().equals(subject.id()) || record.category() != category) {
            throw ProblemException.notFound("Record", recordId);
        }
        return open(crypto.cipher(subject.dataKeyId()), record, type);
    }

    private static <T> Opened<T> open(KeyedCipher cipher, PersonalRecord r, Class<T> type) {
        return new Opened<>(r, JSON.fromJson(cipher.decrypt(field(r.rawId()), r.payload()), type));
    }

    private static String field(String recordId) {
        return "record/" + recordId;
    }
}
