package org.steward.atlassian.internal.control;

import static org.steward.platform.kernel.api.Jsonp.JSON;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.io.StringReader;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.List;
import org.steward.atlassian.internal.connector.OAuthTokens;
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

    /**
     * The configuration as given: the bearer token or shared secret in {@code credential}, or an OAuth 2.0
     * {@code client}; both null keep the stored credential (same mode only).
     */
    public record Settings(Reporting.Mode mode, String baseUrl, String appKey, String credential,
                           OAuthTokens.Client client, Reporting.OnUpdated onUpdated, boolean enabled) {
    }

    /** An OAuth 2.0 client's credential as stored (encrypted): the client, and the access token it last bought. */
    static String clientJson(OAuthTokens.Client c, String accessToken) {
        jakarta.json.JsonObjectBuilder b = JSON.createObjectBuilder().add("tokenUrl", c.tokenUrl())
                .add("clientId", c.clientId()).add("clientSecret", c.clientSecret())
                .add("refreshToken", c.refreshToken());
        if (accessToken != null) {
            b.add("accessToken", accessToken);
        }
        return b.build().toString();
    }

    /** The stored OAuth 2.0 client, and its access token (null before the first). */
    record StoredClient(OAuthTokens.Client client, String accessToken) {
    }

    static StoredClient storedClient(String json) {
        try (JsonReader r = JSON.createReader(new StringReader(json))) {
            JsonObject o = r.readObject();
            return new StoredClient(new OAuthTokens.Client(o.getString("tokenUrl"), o.getString("clientId"),
                    o.getString("clientSecret"), o.getString("refreshToken")), o.getString("accessToken", null));
        }
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
        if (s.client() != null) {
            config.http().problem(s.client().tokenUrl()).ifPresent(p -> {
                throw ProblemException.invalid("tokenUrl", p);
            });
        }
        if (s.mode() == Reporting.Mode.CONNECT && (s.appKey() == null || s.appKey().isBlank())) {
            throw ProblemException.invalid("appKey", "is required for CONNECT: it is the JWT's issuer");
        }
        OffsetDateTime now = Times.now(clock);
        Reporting r = em.find(Reporting.class, tenantId);
        String keyId;
        byte[] credential;
        Reporting.CredentialKind kind;
        String clientId;
        if (s.credential() == null && s.client() == null) {
            if (r == null || r.mode() != s.mode()) {
                throw ProblemException.invalid(s.mode() == Reporting.Mode.OAUTH ? "accessToken" : "sharedSecret",
                        "is required" + (r == null ? "" : " when the mode changes"));
            }
            keyId = r.dataKeyId();
            credential = r.credentialEnc();
            kind = r.credentialKind();
            clientId = r.clientId();
        } else {
            KeyedCipher cipher = crypto.newDataKey();
            keyId = cipher.keyId().asString();
            kind = s.client() != null ? Reporting.CredentialKind.OAUTH_CLIENT
                    : s.mode() == Reporting.Mode.CONNECT ? Reporting.CredentialKind.SHARED_SECRET
                    : Reporting.CredentialKind.ACCESS_TOKEN;
            clientId = s.client() == null ? null : s.client().clientId();
            credential = cipher.encrypt(CREDENTIAL, s.client() != null ? clientJson(s.client(), null)
                    : s.credential());
            if (r != null) {
                crypto.destroy(DataKeyId.of(r.dataKeyId()));
            }
        }
        String appKey = s.mode() == Reporting.Mode.CONNECT ? s.appKey().strip() : null;
        if (r == null) {
            r = new Reporting(tenantId, config.cycle(), now.plus(config.jitter()), now);
            r.configure(s.mode(), base, appKey, keyId, credential, kind, clientId, s.onUpdated(), s.enabled(), now);
            em.persist(r);
        } else {
            r.configure(s.mode(), base, appKey, keyId, credential, kind, clientId, s.onUpdated(), s.enabled(), now);
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
