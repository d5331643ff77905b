package org.steward.sharing.internal.connector;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.InputStream;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.Signature;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.util.Base64;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class OpenDsrTest {

    private static PrivateKey key;
    private static X509Certificate certificate;

    @BeforeAll
    static void keys(@TempDir Path dir) throws Exception {
        Path store = dir.resolve("p.p12");
        Process p = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "keytool").toString(),
                "-genkeypair", "-alias", "p", "-keyalg", "RSA", "-keysize", "2048", "-dname", "CN=ignored.example",
                "-ext", "SAN=dns:*.processor.example", "-validity", "2", "-keystore", store.toString(), "-storetype",
                "PKCS12", "-storepass", "changeit", "-keypass", "changeit").redirectErrorStream(true).start();
        p.getInputStream().readAllBytes();
        assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
        KeyStore ks = KeyStore.getInstance("PKCS12");
        try (InputStream in = Files.newInputStream(store)) {
            ks.load(in, "changeit".toCharArray());
        }
        key = (PrivateKey) ks.getKey("p", "changeit".toCharArray());
        certificate = (X509Certificate) ks.getCertificate("p");
    }

    @Test
    void theRequestCarriesTheSpecificationsFieldsAndTheIdentitiesTheRecipientKnows() {
        JsonObject subject = Json.createObjectBuilder().add("subjectId", "s-1").add("email", "ada@example.com")
                .add("accountId", "557058:abc").build();
        byte[] body = OpenDsr.request("a7551968-d5d6-44b2-9831-815ac9017798", OpenDsr.Type.ERASURE,
                Instant.parse("2026-12-02T10:00:00Z"), subject, "https://steward.example/cb");
        JsonObject r = Json.createReader(new StringReader(new String(body, StandardCharsets.UTF_8))).readObject();
        assertThat(r.getString("subject_request_id")).isEqualTo("a7551968-d5d6-44b2-9831-815ac9017798");
        assertThat(r.getString("subject_request_type")).isEqualTo("erasure");
        assertThat(r.getString("submitted_time")).isEqualTo("2026-12-02T10:00:00Z");
        assertThat(r.getString("api_version")).isEqualTo("0.1");
        assertThat(r.getJsonArray("status_callback_urls").getString(0)).isEqualTo("https://steward.example/cb");
        assertThat(r.getJsonArray("identities").toString()).contains("\"identity_type\":\"email\"")
                .contains("\"identity_value\":\"ada@example.com\"").contains("\"identity_format\":\"raw\"")
                .contains("\"identity_type\":\"controller_customer_id\"").contains("557058:abc")
                .doesNotContain("s-1");
        assertThat(OpenDsr.Type.forKind("ERASURE")).contains(OpenDsr.Type.ERASURE);
        assertThat(OpenDsr.Type.forKind("RECTIFICATION")).isEmpty();
        assertThat(OpenDsr.Type.forKind("RESTRICTION")).isEmpty();
    }

    @Test
    void aSignedCallbackIsVerifiedAgainstTheProcessorsCertificateAndEveryFlawIsNamed() throws Exception {
        byte[] body = "{\"controller_id\":\"c\",\"subject_request_id\":\"r-1\",\"request_status\":\"completed\"}"
                .getBytes(StandardCharsets.UTF_8);
        String sig = sign(body);
        Instant now = Instant.now();
        OpenDsr.Callback c = OpenDsrSignatures.verify(body, "api.processor.example", sig, certificate, now);
        assertThat(c.subjectRequestId()).isEqualTo("r-1");
        assertThat(c.requestStatus()).isEqualTo(OpenDsr.COMPLETED);
        assertThat(reason(body, "api.processor.example", sig, now.plusSeconds(5 * 86400)))
                .isEqualTo(OpenDsrSignatures.Reason.CERTIFICATE_EXPIRED);
        assertThat(reason(body, "processor.example", sig, now)).as("a wildcard covers one label only")
                .isEqualTo(OpenDsrSignatures.Reason.WRONG_DOMAIN);
        assertThat(reason(body, "ignored.example", sig, now)).as("the CN counts only without SANs")
                .isEqualTo(OpenDsrSignatures.Reason.WRONG_DOMAIN);
        byte[] changed = new String(body, StandardCharsets.UTF_8).replace("completed", "cancelled")
                .getBytes(StandardCharsets.UTF_8);
        assertThat(reason(changed, "api.processor.example", sig, now)).isEqualTo(OpenDsrSignatures.Reason.MISMATCH);
        assertThat(reason(body, "api.processor.example", "***", now))
                .isEqualTo(OpenDsrSignatures.Reason.MALFORMED_SIGNATURE);
        assertThat(reason(body, null, sig, now)).isEqualTo(OpenDsrSignatures.Reason.MISSING_HEADER);
        assertThat(reason(body, "api.processor.example", null, now)).isEqualTo(OpenDsrSignatures.Reason.MISSING_HEADER);
        byte[] notOne = "{\"hello\":1}".getBytes(StandardCharsets.UTF_8);
        assertThat(reason(notOne, "api.processor.example", sign(notOne), now))
                .isEqualTo(OpenDsrSignatures.Reason.NOT_A_CALLBACK);
        assertThat(OpenDsrSignatures.digest(sig)).hasSize(64).isEqualTo(OpenDsrSignatures.digest(sig));
    }

    @Test
    void aCertificateParsesFromPemAndAnythingElseIsRefused() throws Exception {
        String pem = "-----BEGIN CERTIFICATE-----\n" + Base64.getMimeEncoder().encodeToString(certificate.getEncoded())
                + "\n-----END CERTIFICATE-----\n";
        assertThat(OpenDsrSignatures.certificateFromPem(pem).getSerialNumber()).isEqualTo(certificate.getSerialNumber());
        assertThatThrownBy(() -> OpenDsrSignatures.certificateFromPem("not a certificate"))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> OpenDsr.parseCallback("[1]".getBytes(StandardCharsets.UTF_8)))
                .isInstanceOf(RuntimeException.class);
    }

    private static OpenDsrSignatures.Reason reason(byte[] body, String domain, String sig, Instant now) {
        return catchThrowableOfType(OpenDsrSignatures.Refused.class,
                () -> OpenDsrSignatures.verify(body, domain, sig, certificate, now)).reason();
    }

    private static String sign(byte[] body) throws Exception {
        Signature s = Signature.getInstance("SHA256withRSA");
        s.initSign(key);
        s.update(body);
        return Base64.getEncoder().encodeToString(s.sign());
    }
}
