package org.steward.it.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDate;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.steward.client.ApiClient;
import org.steward.client.ApiException;
import org.steward.client.api.ConsentApi;
import org.steward.client.api.IdentityApi;
import org.steward.client.api.RetentionApi;
import org.steward.client.api.SecurityApi;
import org.steward.client.model.ConsentAction;
import org.steward.client.model.ConsentDecision;
import org.steward.client.model.ConsentInput;
import org.steward.client.model.ConsentRecorded;
import org.steward.client.model.ContactInput;
import org.steward.client.model.ContactRecord;
import org.steward.client.model.Erasure;
import org.steward.client.model.ErasureCertificate;
import org.steward.client.model.ErasureRequestInput;
import org.steward.client.model.HostingMode;
import org.steward.client.model.Jurisdiction;
import org.steward.client.model.LicenceInput;
import org.steward.client.model.Role;
import org.steward.client.model.Subject;
import org.steward.client.model.SubjectInput;
import org.steward.client.model.Tenant;
import org.steward.client.model.TenantInput;
import org.steward.client.model.User;
import org.steward.client.model.UserInput;
import org.steward.it.support.Database;
import org.steward.it.support.StewardServer;

/**
 * The Java client that openapi-generator makes from the document a running Steward serves (saved by modules/it's
 * OpenApiIT) compiles, and a privacy officer's day works through it alone: typed models in, typed models out.
 */
class GeneratedClientIT {

    private static StewardServer server;

    @BeforeAll
    static void start() {
        // Its own server (the shared one lives in modules/it's test JVM), sweeping every second so that the erasure
        // completes within the test.
        server = StewardServer.war("client", Database.fresh("client"),
                Map.of("STEWARD_RETENTION_SWEEP_PERIOD", "PT1S")).start();
    }

    @AfterAll
    static void stop() {
        if (server != null) {
            server.close();
        }
    }

    @Test
    void aSubjectsLifeFromRegistrationToErasureCertificateThroughTheGeneratedClient() throws Exception {
        String unique = UUID.randomUUID().toString().substring(0, 8);
        ApiClient admin = client("admin", StewardServer.ADMIN_PASSWORD);
        User officerUser = new SecurityApi(admin).createUser(new UserInput().username("officer-" + unique)
                .password(StewardServer.USER_PASSWORD)
                .roles(List.of(Role.PRIVACY_OFFICER, Role.AUDITOR)));
        assertThat(officerUser.getRoles()).contains(Role.PRIVACY_OFFICER);
        ApiClient officer = client("officer-" + unique, StewardServer.USER_PASSWORD);
        IdentityApi identity = new IdentityApi(officer);
        ConsentApi consent = new ConsentApi(officer);
        RetentionApi retention = new RetentionApi(officer);

        Tenant tenant = identity.registerTenant(new TenantInput().name("Client " + unique)
                .siteUrl(URI.create("https://client" + unique + ".atlassian.net")).hostingMode(HostingMode.CLOUD)
                .licence(new LicenceInput().key("SEN-C" + unique).expiresOn(LocalDate.of(2099, 12, 31))));
        String tenantId = tenant.getId().toString();
        Subject subject = identity.registerSubject(tenantId,
                new SubjectInput().email("client-" + unique + "@example.com"));
        String subjectId = subject.getId().toString();
        assertThat(subject.getTenantId()).isEqualTo(tenant.getId());

        ContactRecord contact = identity.addContact(tenantId, subjectId,
                new ContactInput().name("Ada Client").email("ada-" + unique + "@example.com"));
        assertThat(contact.getSubjectId()).isEqualTo(subject.getId());

        ConsentRecorded recorded = consent.recordConsent(tenantId, subjectId, null,
                new ConsentInput().purpose("drip-emails").action(ConsentAction.OPT_OUT));
        assertThat(recorded.getId()).isNotNull();
        ConsentDecision decision = consent.getConsentDecision(subjectId, null, List.of("drip-emails"),
                Jurisdiction.GDPR, null);
        assertThat(decision.getAllowed()).isFalse();
        assertThat(decision.getJurisdiction()).isEqualTo(Jurisdiction.GDPR);

        Erasure erasure = retention.requestSubjectErasure(tenantId, subjectId,
                new ErasureRequestInput().reference("JSM-" + unique));
        String erasureId = erasure.getId().toString();
        long deadline = System.nanoTime() + Duration.ofSeconds(90).toNanos();
        while (!"DONE".equals(String.valueOf(retention.getErasure(erasureId).getStatus()))
                && System.nanoTime() < deadline) {
            Thread.sleep(500);
        }
        assertThat(String.valueOf(retention.getErasure(erasureId).getStatus())).isEqualTo("DONE");
        ErasureCertificate certificate = retention.getErasureCertificate(erasureId);
        assertThat(certificate.getErasureId()).isEqualTo(erasure.getId());
        assertThat(certificate.getSignature()).isNotBlank();
        // The certificate the client read (and wrote back) still verifies: the models lose nothing that is signed.
        assertThat(retention.verifyErasureCertificate(certificate).getValid()).isTrue();

        // Refusals reach the client as problems: the erased subject is gone.
        assertThatThrownBy(() -> identity.getSubject(tenantId, subjectId))
                .isInstanceOfSatisfying(ApiException.class, e -> {
                    assertThat(e.getCode()).isEqualTo(404);
                    assertThat(e.getResponseHeaders().firstValue("Content-Type")).hasValueSatisfying(
                            type -> assertThat(type).startsWith("application/problem+json"));
                });
    }

    private static ApiClient client(String username, String password) {
        ApiClient client = new ApiClient();
        client.updateBaseUri(server.uri("").toString());
        String basic = "Basic " + Base64.getEncoder().encodeToString(
                (username + ":" + password).getBytes(StandardCharsets.UTF_8));
        client.setRequestInterceptor(request -> request.header("Authorization", basic));
        return client;
    }
}
