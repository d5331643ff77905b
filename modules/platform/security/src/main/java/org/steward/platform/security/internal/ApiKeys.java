package org.steward.platform.security.internal;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.steward.platform.kernel.api.Ids;
import org.steward.platform.kernel.api.PageRequest;
import org.steward.platform.kernel.api.ProblemException;
import org.steward.platform.kernel.api.Times;
import org.steward.platform.security.api.Caller;
import org.steward.platform.security.api.Role;

/** API keys for machine clients: created by admins, shown once, revocable, optionally expiring. */
@ApplicationScoped
public class ApiKeys {

    /** A new key with the one copy of its secret that will ever leave the server. */
    public record Issued(ApiKey key, String plaintext) {
    }

    @PersistenceContext(unitName = "steward")
    EntityManager em;

    @Inject
    Grants grants;

    @Inject
    Clock clock;

    /**
     * The caller for a presented key. Deliberately not cached: every call reads the key's row (ApiKey is not in the
     * shared cache), so a revoked key, or one deleted with its tenant's erasure, fails at once on every instance.
     */
    public Optional<Caller> authenticate(String presented) {
        ApiKeySecret.Parsed parsed = ApiKeySecret.parse(presented);
        if (parsed == null) {
            return Optional.empty();
        }
        ApiKey key = em.find(ApiKey.class, parsed.keyId());
        if (key == null || !key.usableAt(Times.now(clock))
                || !ApiKeySecret.matches(parsed.secret(), key.secretHash())) {
            return Optional.empty();
        }
        return Optional.of(key.caller());
    }

    @Transactional
    public Issued issue(String name, List<String> roles, String tenantId, OffsetDateTime expiresAt,
                        String createdBy) {
        Set<Role> granted = grants.check(roles, tenantId);
        if (expiresAt != null && !expiresAt.isAfter(Times.now(clock))) {
            throw ProblemException.invalid("expiresAt", "must be in the future");
        }
        String id = Ids.newId().toString();
        String secret = ApiKeySecret.newSecret();
        ApiKey key = new ApiKey(id, name, ApiKeySecret.hash(secret), granted, tenantId, expiresAt, createdBy,
                Times.now(clock));
        em.persist(key);
        return new Issued(key, ApiKeySecret.format(id, secret));
    }

    public ApiKey get(String id) {
        ApiKey key = Ids.parseOrNull(id) == null ? null : em.find(ApiKey.class, id);
        if (key == null) {
            throw ProblemException.notFound("API key", id);
        }
        return key;
    }

    public List<ApiKey> list(PageRequest page) {
        return em.createQuery("SELECT k FROM ApiKey k WHERE k.id > :after ORDER BY k.id", ApiKey.class)
                .setParameter("after", page.after() == null ? "" : page.after())
                .setMaxResults(page.fetchSize()).getResultList();
    }

    @Transactional
    public ApiKey revoke(String id) {
        ApiKey key = get(id);
        key.revoke(Times.now(clock));
        return key;
    }
}
