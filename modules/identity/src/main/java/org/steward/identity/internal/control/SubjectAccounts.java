package org.steward.identity.internal.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.steward.identity.api.AccountDirectory;
import org.steward.identity.api.SubjectDataInvalidated;
import org.steward.identity.internal.entity.Subject;
import org.steward.platform.crypto.api.Crypto;
import org.steward.platform.kernel.api.SubjectId;
import org.steward.platform.kernel.api.TenantId;
import org.steward.platform.kernel.api.Times;

/** The tenant's Atlassian accounts with their oldest retrieval, and the stale mark that reporting sets. */
@ApplicationScoped
public class SubjectAccounts implements AccountDirectory {

    @PersistenceContext(unitName = "steward")
    EntityManager em;

    @Inject
    Crypto crypto;

    @Inject
    Event<SubjectDataInvalidated> invalidated;

    @Inject
    Clock clock;

    @Override
    public List<StoredAccount> accountsOf(TenantId tenantId, String afterSubjectId, int limit) {
        List<Subject> page = em.createQuery("SELECT s FROM Subject s WHERE s.tenantId = :t AND s.id > :after"
                        + " AND s.accountIdIndex IS NOT NULL ORDER BY s.id", Subject.class)
                .setParameter("t", tenantId.asString()).setParameter("after", afterSubjectId == null ? ""
                        : afterSubjectId).setMaxResults(limit).getResultList();
        if (page.isEmpty()) {
            return List.of();
        }
        Map<String, OffsetDateTime> oldestRecord = new HashMap<>();
        em.createQuery("SELECT r.subjectId, MIN(r.obtainedAt) FROM PersonalRecord r WHERE r.subjectId IN :ids"
                        + " GROUP BY r.subjectId", Object[].class)
                .setParameter("ids", page.stream().map(Subject::rawId).toList()).getResultList()
                .forEach(row -> oldestRecord.put((String) row[0], (OffsetDateTime) row[1]));
        List<StoredAccount> accounts = new ArrayList<>(page.size());
        for (Subject s : page) {
            String accountId = crypto.cipher(s.dataKeyId()).decrypt("accountId", s.accountId());
            if (accountId == null || accountId.isBlank() || Subjects.UNKNOWN_ACCOUNT.equalsIgnoreCase(accountId)) {
                continue;
            }
            OffsetDateTime retrieved = s.profileRetrievedAt();
            OffsetDateTime record = oldestRecord.get(s.rawId());
            if (record != null && record.isBefore(retrieved)) {
                retrieved = record;
            }
            accounts.add(new StoredAccount(s.id(), accountId, retrieved));
        }
        return accounts;
    }

    @Override
    @Transactional(Transactional.TxType.MANDATORY)
    public boolean markProfileStale(TenantId tenantId, SubjectId subjectId, boolean erase) {
        Subject s = em.find(Subject.class, subjectId.asString(), LockModeType.PESSIMISTIC_WRITE);
        if (s == null || !s.tenantId().equals(tenantId)) {
            return false;
        }
        OffsetDateTime now = Times.now(clock);
        Set<String> fields = new LinkedHashSet<>();
        if (s.email() != null) {
            fields.add("email");
        }
        if (s.username() != null) {
            fields.add("username");
        }
        if (s.displayName() != null) {
            fields.add("displayName");
        }
        s.profileStale(now);
        if (erase) {
            s.eraseProfileKeepingAccount();
        }
        s.touch(now);
        invalidated.fire(new SubjectDataInvalidated(tenantId, subjectId, Set.copyOf(fields), erase, now));
        return true;
    }
}
