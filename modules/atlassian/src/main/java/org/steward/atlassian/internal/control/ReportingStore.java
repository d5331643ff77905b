package org.steward.atlassian.internal.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.logging.Logger;
import org.steward.atlassian.internal.connector.CyclePeriod;
import org.steward.atlassian.internal.connector.OAuthTokens;
import org.steward.atlassian.internal.connector.ReportClient;
import org.steward.atlassian.internal.entity.ReportedAccount;
import org.steward.atlassian.internal.entity.Reporting;
import org.steward.identity.api.AccountDirectory;
import org.steward.identity.api.HostingMode;
import org.steward.identity.api.LicenceStatus;
import org.steward.identity.api.TenantProfiles;
import org.steward.platform.crypto.api.Crypto;
import org.steward.platform.kernel.api.DataKeyId;
import org.steward.platform.kernel.api.SubjectId;
import org.steward.platform.kernel.api.TenantId;
import org.steward.platform.kernel.api.Times;
import org.steward.retention.api.Erasures;

/**
 * The reporter's transactions, each its own: the lease on a tenant's reporting (a conditional UPDATE, so one instance
 * reports a tenant at a time), the next batch of due accounts, and the answer, recorded with what it asks for (the
 * erasures and stale marks) and the cycle's progress in one commit, so that a restart resumes after the last
 * answered batch and never sends it again.
 */
@ApplicationScoped
public class ReportingStore {

    private static final Logger LOG = Logger.getLogger(ReportingStore.class.getName());

    /** How many stored accounts one step reads at most while looking for due ones. */
    static final int SCAN = 400;

    @PersistenceContext(unitName = "steward")
    EntityManager em;

    @Inject
    AccountDirectory accounts;

    @Inject
    TenantProfiles tenants;

    @Inject
    Erasures erasures;

    @Inject
    Crypto crypto;

    @Inject
    AtlassianConfig config;

    @Inject
    Clock clock;

    /**
     * One batch: the accounts to send (with their subjects), the last subject read, and whether the walk ended.
     * {@code client} is set when an OAuth 2.0 client must first buy an access token (the target then has none).
     */
    public record Step(ReportClient.Target target, List<ReportClient.Account> accounts, Map<String, String> subjects,
                       String lastScanned, boolean exhausted, OAuthTokens.Client client) {

        Step withToken(String accessToken) {
            return new Step(new ReportClient.Target(false, target.baseUrl(), null, accessToken), accounts, subjects,
                    lastScanned, exhausted, null);
        }
    }

    /** An access token is bought this long before it runs out, so that none expires in flight. */
    static final Duration TOKEN_MARGIN = Duration.ofMinutes(2);

    /** Tenants whose reporting may have work now: enabled, not backing off, and a cycle running or due. */
    @Transactional
    public List<String> due() {
        OffsetDateTime now = Times.now(clock);
        return em.createQuery("SELECT r.tenantId FROM Reporting r WHERE r.enabled = TRUE"
                        + " AND (r.backoffUntil IS NULL OR r.backoffUntil <= :now)"
                        + " AND (r.cycleStartedAt IS NOT NULL OR r.nextCycleAt <= :now)"
                        + " AND (r.leaseUntil IS NULL OR r.leaseUntil < :now) ORDER BY r.nextCycleAt", String.class)
                .setParameter("now", now).setMaxResults(50).getResultList();
    }

    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public boolean lease(String tenantId, String owner) {
        OffsetDateTime now = Times.now(clock);
        return em.createQuery("UPDATE Reporting r SET r.leaseOwner = :o, r.leaseUntil = :until,"
                        + " r.version = r.version + 1 WHERE r.tenantId = :t"
                        + " AND (r.leaseUntil IS NULL OR r.leaseUntil < :now)")
                .setParameter("o", owner).setParameter("until", now.plus(config.lease()))
                .setParameter("t", tenantId).setParameter("now", now).executeUpdate() == 1;
    }

    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public void release(String tenantId, String owner) {
        em.createQuery("UPDATE Reporting r SET r.leaseOwner = NULL, r.leaseUntil = NULL, r.version = r.version + 1"
                        + " WHERE r.tenantId = :t AND r.leaseOwner = :o")
                .setParameter("t", tenantId).setParameter("o", owner).executeUpdate();
    }

    /** Ours, read fresh; null when the lease was lost (another instance took over after it ran out). */
    private Reporting leased(String tenantId, String owner) {
        Reporting r = em.find(Reporting.class, tenantId);
        if (r == null) {
            return null;
        }
        em.refresh(r);
        Object holder = em.createQuery("SELECT r.leaseOwner FROM Reporting r WHERE r.tenantId = :t")
                .setParameter("t", tenantId).getSingleResult();
        return owner.equals(holder) ? r : null;
    }

    /**
     * The next batch, starting a cycle if one is due; null when there is nothing to do now (not due, backing off,
     * disabled, or the tenant no longer a licensed CLOUD one). The lease is extended.
     */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public Step next(String tenantId, String owner) {
        Reporting r = leased(tenantId, owner);
        OffsetDateTime now = Times.now(clock);
        if (r == null || !r.enabled() || r.backoffUntil() != null && r.backoffUntil().isAfter(now)) {
            return null;
        }
        Optional<TenantProfiles.TenantProfile> tenant = tenants.profile(TenantId.of(tenantId));
        if (tenant.isEmpty() || tenant.get().hostingMode() != HostingMode.CLOUD
                || tenant.get().licenceStatus() != LicenceStatus.ACTIVE) {
            return null;
        }
        if (r.cycleStartedAt() == null) {
            if (r.nextCycleAt().isAfter(now)) {
                return null;
            }
            r.startCycle(now);
        }
        extend(tenantId, owner, now);
        Duration cycle = r.cycle();
        List<ReportClient.Account> batch = new ArrayList<>();
        Map<String, String> subjects = new HashMap<>();
        String cursor = r.cursorSubject() == null ? "" : r.cursorSubject();
        String last = r.cursorSubject();
        boolean exhausted = false;
        int scanned = 0;
        outer:
        while (batch.size() < ReportClient.MAX_ACCOUNTS && scanned < SCAN) {
            List<AccountDirectory.StoredAccount> page = accounts.accountsOf(TenantId.of(tenantId), cursor, 100);
            if (page.isEmpty()) {
                exhausted = true;
                break;
            }
            Set<String> recent = recentlyReported(page, now.minus(cycle));
            for (AccountDirectory.StoredAccount a : page) {
                if (batch.size() == ReportClient.MAX_ACCOUNTS) {
                    break outer;
                }
                scanned++;
                last = a.subjectId().asString();
                cursor = last;
                if (!recent.contains(last) && subjects.putIfAbsent(a.accountId(), last) == null) {
                    batch.add(new ReportClient.Account(a.accountId(), a.retrievedAt()));
                }
            }
            if (page.size() < 100) {
                exhausted = true;
                break;
            }
        }
        if (batch.isEmpty()) {
            // Nothing due in what was read: move past it, and end the cycle if that was all.
            if (exhausted) {
                r.endCycle(now, config.cycleJitter());
            } else {
                r.advance(last, now);
            }
            return new Step(null, List.of(), Map.of(), last, exhausted, null);
        }
        String credential = crypto.cipher(DataKeyId.of(r.dataKeyId())).decrypt(ReportingSetup.CREDENTIAL,
                r.credentialEnc());
        OAuthTokens.Client client = null;
        if (r.credentialKind() == Reporting.CredentialKind.OAUTH_CLIENT) {
            ReportingSetup.StoredClient stored = ReportingSetup.storedClient(credential);
            boolean fresh = stored.accessToken() != null && r.tokenExpiresAt() != null
                    && r.tokenExpiresAt().isAfter(now.plus(TOKEN_MARGIN));
            credential = fresh ? stored.accessToken() : null;
            client = fresh ? null : stored.client();
        }
        return new Step(new ReportClient.Target(r.mode() == Reporting.Mode.CONNECT, r.baseUrl(), r.appKey(),
                credential), batch, subjects, last, exhausted, client);
    }

    /**
     * Keeps what the token endpoint gave at once, in a transaction of its own: a rotated refresh token is the only
     * one that works from now on, so it is kept even if the lease ran out meanwhile. False when the configuration
     * changed since the step was read (its new credential stays; the grant is dropped).
     */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public boolean tokenBought(String tenantId, OAuthTokens.Client used, OAuthTokens.Grant grant) {
        Reporting r = em.find(Reporting.class, tenantId, jakarta.persistence.LockModeType.PESSIMISTIC_WRITE);
        if (r == null || r.credentialKind() != Reporting.CredentialKind.OAUTH_CLIENT) {
            return false;
        }
        em.refresh(r);
        var cipher = crypto.cipher(DataKeyId.of(r.dataKeyId()));
        ReportingSetup.StoredClient stored = ReportingSetup.storedClient(cipher.decrypt(ReportingSetup.CREDENTIAL,
                r.credentialEnc()));
        if (!stored.client().refreshToken().equals(used.refreshToken())) {
            return false;
        }
        OAuthTokens.Client next = new OAuthTokens.Client(used.tokenUrl(), used.clientId(), used.clientSecret(),
                grant.refreshToken());
        r.tokenBought(cipher.encrypt(ReportingSetup.CREDENTIAL, ReportingSetup.clientJson(next, grant.accessToken())),
                Times.of(grant.expiresAt().atOffset(java.time.ZoneOffset.UTC)), Times.now(clock));
        return true;
    }

    private Set<String> recentlyReported(List<AccountDirectory.StoredAccount> page, OffsetDateTime since) {
        return new HashSet<>(em.createQuery("SELECT a.subjectId FROM ReportedAccount a WHERE a.subjectId IN :ids"
                        + " AND a.reportedAt > :since", String.class)
                .setParameter("ids", page.stream().map(a -> a.subjectId().asString()).toList())
                .setParameter("since", since).getResultList());
    }

    private void extend(String tenantId, String owner, OffsetDateTime now) {
        em.createQuery("UPDATE Reporting r SET r.leaseUntil = :until WHERE r.tenantId = :t AND r.leaseOwner = :o")
                .setParameter("until", now.plus(config.lease())).setParameter("t", tenantId)
                .setParameter("o", owner).executeUpdate();
    }

    /** What the answer did, for the metrics. */
    public record Recorded(int reported, int closed, int updated) {
    }

    /** Records Atlassian's answer to a step: acts on it and moves the cycle on, or backs off. */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public Recorded record(String tenantId, String owner, Step step, ReportClient.Outcome o) {
        Reporting r = leased(tenantId, owner);
        if (r == null) {
            return new Recorded(0, 0, 0);
        }
        OffsetDateTime now = Times.now(clock);
        o.cyclePeriod().ifPresent(h -> CyclePeriod.parse(h).ifPresentOrElse(r::cycle,
                () -> LOG.warning("Atlassian sent a Cycle-Period header in a form not understood ("
                        + h.substring(0, Math.min(40, h.length())).replaceAll("[^\\x20-\\x7e]", "?")
                        + "); the cycle stays " + r.cycle())));
        switch (o.kind()) {
            case RATE_LIMITED -> {
                Duration wait = o.retryAfter() != null ? o.retryAfter() : config.backoff(r.failures() + 1);
                r.backOff(o.error(), now.plus(wait), false, now);
                return new Recorded(0, 0, 0);
            }
            case FAILED -> {
                if (o.status() == 401 && r.credentialKind() == Reporting.CredentialKind.OAUTH_CLIENT) {
                    r.tokenRefused();
                }
                r.backOff(o.error(), now.plus(config.backoff(r.failures() + 1)), true, now);
                return new Recorded(0, 0, 0);
            }
            default -> {
                // ANSWERED, handled below
            }
        }
        int closed = 0;
        int updated = 0;
        Map<String, String> statuses = o.statuses();
        for (ReportClient.Account a : step.accounts()) {
            String subject = step.subjects().get(a.accountId());
            String status = statuses.getOrDefault(a.accountId(), "ok");
            String answer = switch (status) {
                case "closed" -> "CLOSED";
                case "updated" -> "UPDATED";
                default -> "OK";
            };
            ReportedAccount row = em.find(ReportedAccount.class, subject);
            if (row == null) {
                row = new ReportedAccount(subject, tenantId);
                em.persist(row);
            }
            row.reported(now, answer);
            if (answer.equals("CLOSED") && erasures.requestAccountClosedErasure(TenantId.of(tenantId),
                    SubjectId.of(subject), "atlassian:account-closed").isPresent()) {
                closed++;
            } else if (answer.equals("UPDATED") && accounts.markProfileStale(TenantId.of(tenantId),
                    SubjectId.of(subject), r.onUpdated() == Reporting.OnUpdated.ERASE_STALE_FIELDS)) {
                updated++;
            }
        }
        r.answered(step.lastScanned(), step.accounts().size(), closed, updated, now);
        if (step.exhausted()) {
            r.endCycle(now, config.cycleJitter());
        }
        return new Recorded(step.accounts().size(), closed, updated);
    }
}
