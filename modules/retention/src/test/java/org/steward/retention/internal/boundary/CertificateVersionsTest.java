package org.steward.retention.internal.boundary;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.bind.Jsonb;
import jakarta.json.bind.JsonbBuilder;
import jakarta.json.bind.JsonbConfig;
import java.io.StringReader;
import java.lang.reflect.Field;
import java.time.OffsetDateTime;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.steward.platform.kernel.api.CanonicalJson;
import org.steward.retention.internal.control.CertificateContent;
import org.steward.retention.internal.control.Certificates;
import org.steward.retention.internal.entity.Certificate;

/**
 * Certificate versions, as the verification endpoint reads them: version 2 is issued and signs the RFC 8785 form of
 * the certificate as served; version 1 certificates, issued before and already handed out, must go on verifying.
 * The version 1 fixtures were issued by the code before version 2 and are pasted here as the server answered them.
 */
class CertificateVersionsTest {

    /** The public key the fixtures were signed with. */
    private static final String SPKI = "MCowBQYDK2VwAyEA/EKsre7r+W/YC4SxeaCh01hAS83PMOgUsHZUEpOUpNo=";

    /** A subject certificate as the server answered it before version 2 (no version member), and its signed text. */
    private static final String V1_SUBJECT =
            "{\"algorithm\":\"Ed25519\",\"dataKeysDestroyed\":[\"0199a3c1-9999-7000-8000-00000000000a\",\""
            + "0199a3c1-9999-7000-8000-00000000000b\"],\"erased\":[{\"category\":\"consent-events\",\"count"
            + "\":4,\"module\":\"consent\"},{\"category\":\"feedback\",\"count\":2,\"module\":\"identity\"}"
            + ",{\"category\":\"subject-profile\",\"count\":1,\"module\":\"identity\"}],\"erasedAt\":\"2026"
            + "-03-01T10:20:00.456789Z\",\"erasureId\":\"0199a3cf-aaaa-7bbb-8ccc-dddd0000eeee\",\"id\":\"01"
            + "99a3d0-1111-7222-8333-944455556666\",\"keyId\":\"erasure-certificate-v1\",\"salt\":\"q3X9vLw"
            + "2TnC8aR5dK1mZ0g\",\"scope\":\"SUBJECT\",\"signature\":\"yiwN69G-3vmqRjLfgWWUSB6Ppqx6-q8qVl8-"
            + "hKxNeGV7Qn-97tPp-8b8wNjyGc_jcwQMsRYF-GaYK0LJ_GvQCA\",\"subjectHash\":\"sha256:e72a8f3a2567c0"
            + "c7023a693324c2bfb8916821e9e1c25534c79da7d73f4a37ec\",\"tenantHash\":\"sha256:ad8c8f149558546"
            + "9238ed4a2806e9034910ae86d6eaa00cdbac481e3979effea\",\"trigger\":\"SUBJECT_REQUEST\"}";
    private static final String V1_SUBJECT_TEXT =
            "steward-erasure-certificate/v1\nid=0199a3d0-1111-7222-8333-944455556666\n"
            + "erasureId=0199a3cf-aaaa-7bbb-8ccc-dddd0000eeee\nscope=SUBJECT\n"
            + "trigger=SUBJECT_REQUEST\nsubjectHash=sha256:e72a8f3a2567c0c7023a693324c2bfb8916821e9e1c25534"
            + "c79da7d73f4a37ec\ntenantHash=sha256:ad8c8f1495585469238ed4a2806e9034910ae86d6eaa00cdbac481e3"
            + "979effea\ncategory=-\nsalt=q3X9vLw2TnC8aR5dK1mZ0g\n"
            + "erased=consent/consent-events:4,identity/feedback:2,identity/subject-profile:1\n"
            + "subjectsErased=-\ndataKeysDestroyed=0199a3c1-9999-7000-8000-00000000000a,0199a3c1-9999-7000-"
            + "8000-00000000000b\nerasedAt=2026-03-01T10:20:00.456789Z\n"
            + "keyId=erasure-certificate-v1\nalgorithm=Ed25519\n";

    /** A category certificate (no subject hash, a subject count, no data keys), version 1. */
    private static final String V1_CATEGORY =
            "{\"algorithm\":\"Ed25519\",\"category\":\"welcome-email\",\"dataKeysDestroyed\":[],\"erased\""
            + ":[{\"category\":\"welcome-email\",\"count\":17,\"module\":\"identity\"}],\"erasedAt\":\"2026"
            + "-03-02T00:00Z\",\"erasureId\":\"0199a3cf-bbbb-7bbb-8ccc-dddd0000eeee\",\"id\":\"0199a3d0-222"
            + "2-7222-8333-944455556666\",\"keyId\":\"erasure-certificate-v1\",\"salt\":\"Zm9vYmFyYmF6cXV4c"
            + "XV1eA\",\"scope\":\"CATEGORY\",\"signature\":\"vnPzi49YbXhSIH71W6yTRT_4_tiaF96Epac7oeZt1bMEp"
            + "nv6tgRjDNBGVyBjE-IrBEZWfvJUNZJZVU5Fjc7OCg\",\"subjectsErased\":5,\"tenantHash\":\"sha256:157"
            + "27e8a7839e831c629037d1966cda4561aba756dcd99e65319a5845e30c269\",\"trigger\":\"POLICY\"}";
    private static final String V1_CATEGORY_TEXT =
            "steward-erasure-certificate/v1\nid=0199a3d0-2222-7222-8333-944455556666\n"
            + "erasureId=0199a3cf-bbbb-7bbb-8ccc-dddd0000eeee\nscope=CATEGORY\n"
            + "trigger=POLICY\nsubjectHash=-\ntenantHash=sha256:15727e8a7839e831c629037d1966cda4561aba756dc"
            + "d99e65319a5845e30c269\ncategory=welcome-email\nsalt=Zm9vYmFyYmF6cXV4cXV1eA\n"
            + "erased=identity/welcome-email:17\nsubjectsErased=5\n"
            + "dataKeysDestroyed=\nerasedAt=2026-03-02T00:00Z\nkeyId=erasure-certificate-v1\n"
            + "algorithm=Ed25519\n";

    /** As the server writes JSON: null members left out. */
    private static final Jsonb JSONB = JsonbBuilder.create(new JsonbConfig().withNullValues(false));

    private static Certificates certificates(TestSigner signer) {
        Certificates c = new Certificates();
        try {
            // Injected by CDI in the server; package-private to the control package.
            Field f = Certificates.class.getDeclaredField("signer");
            f.setAccessible(true);
            f.set(c, signer);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException(e);
        }
        return c;
    }

    private static JsonObject json(String text) {
        return Json.createReader(new StringReader(text)).readObject();
    }

    /** What the verification endpoint answers for a posted certificate. */
    private static Certificates.Verification verify(Certificates certificates, String posted) {
        CertificateView in = JSONB.fromJson(posted, CertificateView.class);
        return certificates.verify(in.content(), in.signedVersion(), in.signature());
    }

    @Test
    void certificatesIssuedAsVersion1StillVerify() {
        Certificates certificates = certificates(TestSigner.verifyingOnly(Certificates.KEY_ID, SPKI));
        for (String[] fixture : new String[][]{{V1_SUBJECT, V1_SUBJECT_TEXT}, {V1_CATEGORY, V1_CATEGORY_TEXT}}) {
            CertificateView in = JSONB.fromJson(fixture[0], CertificateView.class);
            assertThat(in.version()).isNull();
            assertThat(in.content().canonical(1)).isEqualTo(fixture[1]);
            assertThat(verify(certificates, fixture[0]).valid()).isTrue();
            // Fetched again from the server, a stored version 1 certificate says so, and still verifies.
            assertThat(verify(certificates, Json.createObjectBuilder(json(fixture[0])).add("version", 1).build()
                    .toString()).valid()).isTrue();
        }
    }

    @Test
    void aTamperedOrRelabelledVersion1CertificateFails() {
        Certificates certificates = certificates(TestSigner.verifyingOnly(Certificates.KEY_ID, SPKI));
        JsonObject original = json(V1_SUBJECT);
        assertThat(verify(certificates, Json.createObjectBuilder(original).add("trigger", "MINOR").build().toString())
                .valid()).isFalse();
        assertThat(verify(certificates, Json.createObjectBuilder(original).add("version", 2).build().toString())
                .valid()).isFalse();
    }

    @Test
    void aStoredVersion1CertificateIsServedAsVersion1() {
        Certificate stored = new Certificate("0199a3d0-2222-7222-8333-944455556666",
                "0199a3cf-bbbb-7bbb-8ccc-dddd0000eeee", V1_CATEGORY_TEXT, Certificates.KEY_ID, "Ed25519",
                json(V1_CATEGORY).getString("signature"), OffsetDateTime.parse("2026-03-02T00:00Z"));
        JsonObject served = json(JSONB.toJson(CertificateView.of(stored)));
        assertThat(served.getInt("version")).isEqualTo(1);
        assertThat(Json.createObjectBuilder(served).remove("version").build()).isEqualTo(json(V1_CATEGORY));
        assertThat(verify(certificates(TestSigner.verifyingOnly(Certificates.KEY_ID, SPKI)), served.toString())
                .valid()).isTrue();
    }

    @Test
    void newCertificatesAreVersion2AndSignTheRfc8785FormOfTheirJsonWithoutTheSignature() {
        TestSigner signer = TestSigner.generated(Certificates.KEY_ID);
        CertificateContent content = new CertificateContent("0199a3d0-3333-7222-8333-944455556666",
                "0199a3cf-cccc-7bbb-8ccc-dddd0000eeee", "SUBJECT", "SUBJECT_REQUEST", "sha256:aa", "sha256:bb", null,
                "salt", List.of(new CertificateContent.Entry("identity", "subject-profile", 1),
                new CertificateContent.Entry("consent", "consent-events", 4)), null, List.of("k-2", "k-1"),
                "2026-03-03T09:00:00Z", Certificates.KEY_ID, "Ed25519");
        // As Certificates.issue stores it.
        String canonical = content.canonical();
        Certificate stored = new Certificate(content.id(), content.erasureId(), canonical, Certificates.KEY_ID,
                "Ed25519", signer.sign(Certificates.KEY_ID, canonical).value(), OffsetDateTime.now());
        JsonObject served = json(JSONB.toJson(CertificateView.of(stored)));
        assertThat(served.getInt("version")).isEqualTo(2);
        // What any RFC 8785 implementation computes from the certificate as served, less its signature member.
        assertThat(CanonicalJson.of(Json.createObjectBuilder(served).remove("signature").build())).isEqualTo(canonical);

        Certificates certificates = certificates(signer);
        assertThat(verify(certificates, served.toString()).valid()).isTrue();
        // The lists' order does not matter.
        JsonArrayBuilder reversed = Json.createArrayBuilder();
        JsonArray erased = served.getJsonArray("erased");
        for (int i = erased.size() - 1; i >= 0; i--) {
            reversed.add(erased.get(i));
        }
        assertThat(verify(certificates, Json.createObjectBuilder(served).add("erased", reversed).build().toString())
                .valid()).isTrue();
        // Tampered, or stripped of its version (then read as version 1), it fails.
        assertThat(verify(certificates, Json.createObjectBuilder(served).add("salt", "other").build().toString())
                .valid()).isFalse();
        assertThat(verify(certificates, Json.createObjectBuilder(served).remove("version").build().toString())
                .valid()).isFalse();
    }

    @Test
    void anUnknownVersionIsNotVerified() {
        Certificates certificates = certificates(TestSigner.verifyingOnly(Certificates.KEY_ID, SPKI));
        Certificates.Verification v = verify(certificates, Json.createObjectBuilder(json(V1_SUBJECT))
                .add("version", 3).build().toString());
        assertThat(v.valid()).isFalse();
        assertThat(v.detail()).isEqualTo("unknown certificate version 3");
    }
}
