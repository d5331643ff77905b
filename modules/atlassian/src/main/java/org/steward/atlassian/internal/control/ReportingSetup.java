package org.steward.atlassian.internal.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.List;
import org.steward.atlassian.internal.entity.Reporting;
import org.steward.identity.api.HostingMode;
import org.steward.identity.api.TenantProfiles;
import org.steward.platform.crypto.api.Crypto;
import org.steward.platform.crypto.api.KeyedCipher;
import org.steward.platform.kernel.api.DataKeyId;
import org.steward.platform.kernel.api.FieldError;
import org.steward.platform.kernel.api.Ids;
import org.steward.platform.kernel.api.ProblemException;
import org.steward.platform.kernel.api.ProblemType;
import org.steward.platform.kernel.api.TenantId;
import org.steward.platform.kernel.api.Times;

/** A tenant's reporting configuration: set (credential encrypted under its own data key), read, removed. */
@ApplicationScoped
public class ReportingSetup {

    /** The field name bound into the credential's ciphertext. */
    static final String CREDENTIAL = "atlassian-reporting-credential";

    /** Where Forge and OAuth 2.0 apps report. */
    public static final String OAUTH_BASE_URL = "https://api.atlassian.com";

    @PersistenceContext(unitName = "steward")
    EntityManager em;

    @Inject
    TenantProfiles tenants;

    @Inject
    Crypto crypto;

    @Inject
    AtlassianConfig config;

    @Inject
    Clock clock;

    /** The configuration as given; {@code credential} null keeps the stored one (same mode only). */
    public record Settings(Reporting.Mode mode, String baseUrl, String appKey, String credential,
                           Reporting.OnUpdated onUpdated, boolean enabled) {
    }

    @Transactional
    public Reporting configure(String tenantId, Settings s) {
        TenantProfiles.TenantProfile tenant = tenant(tenantId);
        if (tenant.hostingMode() != HostingMode.CLOUD) {
            throw new ProblemException(ProblemType.DATA_CENTER_NO_PERSONAL_DATA, "A DATA_CENTER tenant holds no"
                    + " personal data of Atlassian accounts: it is never reported",
                    List.of(new FieldError("tenantId", "is a DATA_CENTER tenant")));
        }
        String base = s.baseUrl() != null ? s.baseUrl().strip()
                : s.mode() == Reporting.Mode.OAUTH ? OAUTH_BASE_URL : tenant.siteUrl();
        config.http().problem(base).ifPresent(p -> {
            throw ProblemException.invalid("baseUrl", s.baseUrl() == null ? "the tenant's siteUrl, the default for"
                    + " CONNECT, " + p : p);
        });
        if (s.mode() == Reporting.Mode.CONNECT && (s.appKey() == null || s.appKey().isBlank())) {
            throw ProblemException.invalid("appKey", "is required for CONNECT: it is the JWT's issuer");
        }
        OffsetDateTime now = Times.now(clock);
        Reporting r = em.find(Reporting.class, tenantId);
        String keyId;
        byte[] credential;
        if (s.credential() == null) {
            if (r == null || r.mode() != s.mode()) {
                throw ProblemException.invalid(s.mode() == Reporting.Mode.OAUTH ? "accessToken" : "sharedSecret",
                        "is required" + (r == null ? "" : " when the mode changes"));
            }
            keyId = r.dataKeyId();
            credential = r.credentialEnc();
        } else {
            KeyedCipher cipher = crypto.newDataKey();
            keyId = cipher.keyId().asString();
            credential = cipher.encrypt(CREDENTIAL, s.credential());
            if (r != null) {
                crypto.destroy(DataKeyId.of(r.dataKeyId()));
            }
        }
        if (r == null) {
            r = new Reporting(tenantId, config.cycle(), now.plus(config.jitter()), now);
            r.configure(s.mode(), base, s.mode() == Reporting.Mode.CONNECT ? s.appKey().strip() : null, keyId,
                    credential, s.onUpdated(), s.enabled(), now);
            em.persist(r);
        } else {
            r.configure(s.mode(), base, s.mode() == Reporting.Mode.CONNECT ? s.appKey().strip() : null, keyId,
                    credential, s.onUpdated(), s.enabled(), now);
        }
        return r;
    }

    @Transactional
    public Reporting get(String tenantId) {
        tenant(tenantId);
        Reporting r = em.find(Reporting.class, tenantId);
        if (r == null) {
            throw ProblemException.notFound("Atlassian reporting of tenant", tenantId);
        }
        em.refresh(r);
        return r;
    }

    /** Removes the configuration and its credential; what was reported when is kept, so no cycle is cut short. */
    @Transactional
    public void remove(String tenantId) {
        Reporting r = get(tenantId);
        crypto.destroy(DataKeyId.of(r.dataKeyId()));
        em.remove(r);
    }

    private TenantProfiles.TenantProfile tenant(String tenantId) {
        if (Ids.parseOrNull(tenantId) == null) {
            throw ProblemException.notFound("Tenant", tenantId);
        }
        return tenants.profile(TenantId.of(tenantId))
                .orElseThrow(() -> ProblemException.notFound("Tenant", tenantId));
    }
}
