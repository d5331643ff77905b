package org.steward.identity.internal.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.util.List;
import org.steward.identity.internal.entity.Subject;
import org.steward.platform.crypto.api.BlindIndex;
import org.steward.platform.crypto.api.Crypto;
import org.steward.platform.crypto.api.IndexKind;
import org.steward.platform.crypto.api.UnreadableCiphertextException;

/** Re-indexes one subject at a time under the current blind-index key version, each in its own transaction. */
@ApplicationScoped
public class SubjectReindexer {

    @PersistenceContext(unitName = "steward")
    EntityManager em;

    @Inject
    Crypto crypto;

    /**
     * Subjects indexed under a version older than {@code current}, after {@code after}, in id order. Transactional
     * although it only reads: on a managed executor thread Payara closes a non-transactional EntityManager.
     */
    @Transactional
    public List<String> due(int current, String after, int limit) {
        return em.createQuery("SELECT s.id FROM Subject s WHERE s.indexVersion < :v AND s.id > :after ORDER BY s.id",
                        String.class)
                .setParameter("v", current).setParameter("after", after).setMaxResults(limit).getResultList();
    }

    /**
     * Decrypts the subject's identifiers with its data key and rewrites its three indexes and their version. The
     * update applies only if no request changed the row since it was read (same optimistic-lock version): a
     * concurrent rectification wins and the next pass sees its row. The lock version is not bumped, so requests
     * that read the row before stay valid and simply overwrite with indexes they computed themselves.
     *
     * @return whether this call moved the row to the current version
     */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public boolean reindex(String subjectId) {
        Subject s = em.find(Subject.class, subjectId);
        BlindIndex write = crypto.blindIndexRing().current();
        if (s == null || s.indexVersion() >= write.version()) {
            return false;
        }
        Subjects.Identifiers ids;
        try {
            ids = Subjects.identifiers(s, crypto.cipher(s.dataKeyId()));
        } catch (UnreadableCiphertextException e) {
            // The data key is destroyed (the subject was erased): nothing readable is left to index, and its old
            // indexes, pseudonymous data themselves, are dropped rather than carried over.
            ids = new Subjects.Identifiers(null, null, null, null);
        }
        return em.createQuery("UPDATE Subject s SET s.emailIndex = :e, s.usernameIndex = :u,"
                        + " s.accountIdIndex = :a, s.indexVersion = :v"
                        + " WHERE s.id = :id AND s.version = :seen AND s.indexVersion < :v")
                .setParameter("e", write.apply(IndexKind.EMAIL, ids.email()))
                .setParameter("u", write.apply(IndexKind.USERNAME, ids.username()))
                .setParameter("a", write.apply(IndexKind.ACCOUNT_ID, ids.accountId()))
                .setParameter("v", write.version())
                .setParameter("id", subjectId).setParameter("seen", s.rowVersion())
                .executeUpdate() == 1;
    }
}
