package org.steward.retention.internal.control;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.steward.platform.crypto.internal.Ed25519;
import org.steward.platform.kernel.api.ProblemException;
import org.steward.retention.internal.entity.RetentionPolicy;

class CertificateContentTest {

    private static CertificateContent sample() {
        return new CertificateContent("01a2-id", "01a2-erasure", "SUBJECT", "MINOR",
                CertificateContent.saltedHash("salt", "subject", "s-1"), CertificateContent.saltedHash("salt", "tenant",
                "t-1"), null, "salt", List.of(new CertificateContent.Entry("identity", "feedback", 3),
                new CertificateContent.Entry("consent", "consent-events", 2)), null, List.of("k-2", "k-1"),
                "2026-01-01T00:00:00.123Z", "erasure-certificate-v1", "Ed25519");
    }

    @Test
    void theCanonicalTextRoundTripsAndIsOrderIndependent() {
        CertificateContent c = sample();
        String text = c.canonical(1);
        assertThat(CertificateContent.parse(text).canonical(1)).isEqualTo(text);
        assertThat(text).contains("erased=consent/consent-events:2,identity/feedback:3\n")
                .contains("dataKeysDestroyed=k-1,k-2\n").doesNotContain("s-1").doesNotContain("t-1");
    }

    @Test
    void theVersion2FormIsRfc8785JsonThatRoundTripsAndIsOrderIndependent() {
        CertificateContent c = sample();
        String json = c.canonical();
        assertThat(CertificateContent.versionOf(json)).isEqualTo(CertificateContent.VERSION).isEqualTo(2);
        assertThat(CertificateContent.versionOf(c.canonical(1))).isEqualTo(1);
        assertThat(CertificateContent.parse(json).canonical()).isEqualTo(json);
        assertThat(json).isEqualTo("{\"algorithm\":\"Ed25519\",\"dataKeysDestroyed\":[\"k-1\",\"k-2\"],"
                + "\"erased\":[{\"category\":\"consent-events\",\"count\":2,\"module\":\"consent\"},"
                + "{\"category\":\"feedback\",\"count\":3,\"module\":\"identity\"}],"
                + "\"erasedAt\":\"2026-01-01T00:00:00.123Z\",\"erasureId\":\"01a2-erasure\",\"id\":\"01a2-id\","
                + "\"keyId\":\"erasure-certificate-v1\",\"salt\":\"salt\",\"scope\":\"SUBJECT\","
                + "\"subjectHash\":\"" + c.subjectHash() + "\",\"tenantHash\":\"" + c.tenantHash() + "\","
                + "\"trigger\":\"MINOR\",\"version\":2}");
        CertificateContent reordered = new CertificateContent(c.id(), c.erasureId(), c.scope(), c.trigger(),
                c.subjectHash(), c.tenantHash(), c.category(), c.salt(), List.of(c.erased().get(1), c.erased().get(0)),
                null, List.of("k-1", "k-2"), c.erasedAt(), c.keyId(), c.algorithm());
        assertThat(reordered.canonical()).isEqualTo(json);
    }

    @Test
    void aSignatureVerifiesOnlyTheTextItSigned() {
        Ed25519.Generated pair = Ed25519.generate();
        Ed25519.SigningKey key = Ed25519.signingKey(pair.seed());
        CertificateContent c = sample();
        CertificateContent tampered = new CertificateContent(c.id(), c.erasureId(), c.scope(), c.trigger(),
                c.subjectHash(), c.tenantHash(), c.category(), c.salt(),
                List.of(new CertificateContent.Entry("identity", "feedback", 2)), null, c.dataKeysDestroyed(),
                c.erasedAt(), c.keyId(), c.algorithm());
        for (int version : new int[]{1, 2}) {
            String sig = Ed25519.sign(key, c.canonical(version));
            assertThat(Ed25519.verify(Ed25519.publicKey(pair.publicKeySpki()), c.canonical(version), sig)).isTrue();
            assertThat(Ed25519.verify(Ed25519.publicKey(pair.publicKeySpki()), tampered.canonical(version), sig))
                    .isFalse();
        }
        // A value cannot forge another field with a line break (version 1), nor break out of its string (2).
        CertificateContent forged = new CertificateContent(c.id(), c.erasureId(), c.scope(), "MINOR\nscope=TENANT",
                c.subjectHash(), c.tenantHash(), c.category(), c.salt(), c.erased(), null, c.dataKeysDestroyed(),
                c.erasedAt(), c.keyId(), c.algorithm());
        assertThat(forged.canonical(1)).doesNotContain("\nscope=TENANT\n");
        CertificateContent quoted = new CertificateContent(c.id(), c.erasureId(), c.scope(), "MINOR\",\"scope\":\"TENANT",
                c.subjectHash(), c.tenantHash(), c.category(), c.salt(), c.erased(), null, c.dataKeysDestroyed(),
                c.erasedAt(), c.keyId(), c.algorithm());
        assertThat(CertificateContent.parse(quoted.canonical()).scope()).isEqualTo("SUBJECT");
        assertThat(CertificateContent.parse(quoted.canonical()).trigger()).isEqualTo("MINOR\",\"scope\":\"TENANT");
    }

    @Test
    void theSaltedHashNeedsTheIdAndTheSalt() {
        assertThat(CertificateContent.saltedHash("a", "subject", "x"))
                .isNotEqualTo(CertificateContent.saltedHash("b", "subject", "x"))
                .isNotEqualTo(CertificateContent.saltedHash("a", "tenant", "x")).startsWith("sha256:");
    }

    @Test
    void policyPeriodsAreChecked() {
        Policies.check(RetentionPolicy.Trigger.LICENCE_EXPIRY, 0);
        Policies.check(RetentionPolicy.Trigger.FIXED, 3650);
        assertThatThrownBy(() -> Policies.check(RetentionPolicy.Trigger.FIXED, -1))
                .isInstanceOf(ProblemException.class).hasMessageContaining("periodDays");
        assertThatThrownBy(() -> Policies.check(RetentionPolicy.Trigger.FIXED, 0)).isInstanceOf(ProblemException.class);
        assertThatThrownBy(() -> Policies.check(RetentionPolicy.Trigger.INACTIVITY, 3651))
                .isInstanceOf(ProblemException.class);
        assertThatThrownBy(() -> Policies.check(RetentionPolicy.Trigger.LICENCE_EXPIRY, 7))
                .isInstanceOf(ProblemException.class);
    }
}
