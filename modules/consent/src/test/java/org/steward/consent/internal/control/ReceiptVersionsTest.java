package org.steward.consent.internal.control;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.bind.Jsonb;
import jakarta.json.bind.JsonbBuilder;
import jakarta.json.bind.JsonbConfig;
import java.io.StringReader;
import java.time.OffsetDateTime;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.steward.consent.api.ConsentAction;
import org.steward.consent.api.ConsentSource;
import org.steward.consent.api.ConsentStatus;
import org.steward.consent.api.LegalBasis;
import org.steward.consent.internal.entity.ConsentEvent;
import org.steward.consent.internal.entity.Purpose;
import org.steward.platform.kernel.api.CanonicalJson;

/**
 * Receipt schema versions: 2.0 is issued and signs the RFC 8785 form of the receipt as served; 1.0 receipts, already
 * in the hands of subjects and third parties, must go on verifying. The 1.0 fixtures were issued by the code before
 * schema 2.0 (its hand-written canonical JSON) and are pasted here as the server answered them.
 */
class ReceiptVersionsTest {

    /** The public key the fixtures were signed with. */
    private static final String SPKI = "MCowBQYDK2VwAyEA5IU0EYwmvzl9kMZS4MecNaKTipeJohDOpPrdR4dVUNc=";

    /** A subject's receipt as the server answered it before schema 2.0, and the text it signed. */
    private static final String V1_SUBJECT =
            "{\"controller\":{\"contact\":\"https://cloud-osci.atlassian.net/helpcenter/app/\",\"name\":\""
            + "Open Source Consulting Inc.\"},\"eventId\":\"0199a3c1-5b2d-7f10-a1b2-c3d4e5f60718\",\"expire"
            + "sAt\":\"2026-03-31T10:15:30Z\",\"holderRef\":\"subject:0199a3c1-4a10-7b2f-8e3d-1c2b3a4d5e6f\""
            + ",\"issuedAt\":\"2026-03-01T10:15:30.123Z\",\"purposes\":[{\"action\":\"GRANT\",\"legalBasis\""
            + ":\"CONSENT\",\"noticeHash\":\"9f2c4e6a8b0d1f3e5a7c9e1b3d5f7a9c1e3b5d7f9a1c3e5b7d9f1a3c5e7b9d"
            + "1f\",\"noticeLanguage\":\"en\",\"noticeVersion\":3,\"purpose\":\"web-analytics\",\"state\":\""
            + "GRANTED\"}],\"receiptId\":\"0199a3c1-5b2e-7c44-9d1a-3f6e8b0c2d41\",\"schemaVersion\":\"stewa"
            + "rd-consent-receipt/1.0 (ISO/IEC TS 27560)\",\"signature\":{\"alg\":\"Ed25519\",\"keyId\":\"r"
            + "eceipt-v1\",\"value\":\"a7kFXbssq8SqDo9oTvcLXqbBz2V3TWDh8D3RYaKHpE0I16QlOe689-HbQc34WL9MoAgN"
            + "vSAgOyfX8KonQj4gCg\"},\"source\":\"API\",\"tenantId\":\"0199a3c1-3f00-7a11-9b22-0c1d2e3f4a5b"
            + "\"}";
    private static final String V1_SUBJECT_TEXT =
            "{\"controller\":{\"contact\":\"https://cloud-osci.atlassian.net/helpcenter/app/\",\"name\":\""
            + "Open Source Consulting Inc.\"},\"eventId\":\"0199a3c1-5b2d-7f10-a1b2-c3d4e5f60718\",\"expire"
            + "sAt\":\"2026-03-31T10:15:30Z\",\"holderRef\":\"subject:0199a3c1-4a10-7b2f-8e3d-1c2b3a4d5e6f\""
            + ",\"issuedAt\":\"2026-03-01T10:15:30.123Z\",\"purposes\":[{\"action\":\"GRANT\",\"legalBasis\""
            + ":\"CONSENT\",\"noticeHash\":\"9f2c4e6a8b0d1f3e5a7c9e1b3d5f7a9c1e3b5d7f9a1c3e5b7d9f1a3c5e7b9d"
            + "1f\",\"noticeLanguage\":\"en\",\"noticeVersion\":3,\"purpose\":\"web-analytics\",\"state\":\""
            + "GRANTED\"}],\"receiptId\":\"0199a3c1-5b2e-7c44-9d1a-3f6e8b0c2d41\",\"schemaVersion\":\"stewa"
            + "rd-consent-receipt/1.0 (ISO/IEC TS 27560)\",\"source\":\"API\",\"tenantId\":\"0199a3c1-3f00-"
            + "7a11-9b22-0c1d2e3f4a5b\"}";

    /** A device's receipt (no tenant, no notice, a controller name that needs escapes), schema 1.0. */
    private static final String V1_DEVICE =
            "{\"controller\":{\"name\":\"\u00d6konomie \\\"B\u00fcro\\\" GmbH\\t\u20ac\"},\"eventId\":\"0"
            + "199a3c2-0000-7000-8000-0000000000b2\",\"holderRef\":\"device:dev-\u00c41\",\"issuedAt\":\"20"
            + "26-03-02T00:00:00Z\",\"purposes\":[{\"action\":\"OPT_OUT\",\"legalBasis\":\"LEGITIMATE_INTER"
            + "EST\",\"purpose\":\"sale-or-sharing\",\"state\":\"OPTED_OUT\"}],\"receiptId\":\"0199a3c2-000"
            + "0-7000-8000-0000000000b1\",\"schemaVersion\":\"steward-consent-receipt/1.0 (ISO/IEC TS 27560"
            + ")\",\"signature\":{\"alg\":\"Ed25519\",\"keyId\":\"receipt-v1\",\"value\":\"42re5e2UM0XsX29m"
            + "5Jk6f2BuT8DwyHJnKLJ2ykOGES1oCFXHI9ZbESBQcJfydSX5ouUzzT_gsVkCLUQcrHYVBg\"},\"source\":\"GPC\""
            + "}";
    private static final String V1_DEVICE_TEXT =
            "{\"controller\":{\"name\":\"\u00d6konomie \\\"B\u00fcro\\\" GmbH\\t\u20ac\"},\"eventId\":\"0"
            + "199a3c2-0000-7000-8000-0000000000b2\",\"holderRef\":\"device:dev-\u00c41\",\"issuedAt\":\"20"
            + "26-03-02T00:00:00Z\",\"purposes\":[{\"action\":\"OPT_OUT\",\"legalBasis\":\"LEGITIMATE_INTER"
            + "EST\",\"purpose\":\"sale-or-sharing\",\"state\":\"OPTED_OUT\"}],\"receiptId\":\"0199a3c2-000"
            + "0-7000-8000-0000000000b1\",\"schemaVersion\":\"steward-consent-receipt/1.0 (ISO/IEC TS 27560"
            + ")\",\"source\":\"GPC\"}";

    /** As the server writes JSON: null members left out. */
    private static final Jsonb JSONB = JsonbBuilder.create(new JsonbConfig().withNullValues(false));

    private static Receipts receipts(TestSigner signer) {
        Receipts r = new Receipts();
        r.signer = signer;
        r.controllerName = "Open Source Consulting Inc.";
        r.controllerContact = "https://example.com/help";
        return r;
    }

    private static JsonObject json(String text) {
        return Json.createReader(new StringReader(text)).readObject();
    }

    @Test
    void receiptsIssuedUnderSchema1StillVerify() {
        Receipts receipts = receipts(TestSigner.verifyingOnly(ConsentKeys.RECEIPT_KEY_ID, SPKI));
        Receipt subject = JSONB.fromJson(V1_SUBJECT, Receipt.class);
        Receipt device = JSONB.fromJson(V1_DEVICE, Receipt.class);
        assertThat(subject.schemaVersion()).isEqualTo(Receipt.SCHEMA_VERSION_1);
        assertThat(subject.signedText()).isEqualTo(V1_SUBJECT_TEXT);
        assertThat(device.signedText()).isEqualTo(V1_DEVICE_TEXT);
        assertThat(receipts.verify(subject).valid()).isTrue();
        assertThat(receipts.verify(device).valid()).isTrue();
    }

    @Test
    void aTamperedSchema1ReceiptFailsAndSoDoesOneRelabelledAs2() {
        Receipts receipts = receipts(TestSigner.verifyingOnly(ConsentKeys.RECEIPT_KEY_ID, SPKI));
        JsonObject original = json(V1_SUBJECT);
        JsonObject tampered = Json.createObjectBuilder(original).add("source", "ADMIN").build();
        JsonObject relabelled = Json.createObjectBuilder(original).add("schemaVersion", Receipt.SCHEMA_VERSION).build();
        assertThat(receipts.verify(JSONB.fromJson(tampered.toString(), Receipt.class)).valid()).isFalse();
        Receipts.Verification v = receipts.verify(JSONB.fromJson(relabelled.toString(), Receipt.class));
        assertThat(v.valid()).isFalse();
        assertThat(v.reason()).isEqualTo("the signature does not match the receipt's content");
    }

    @Test
    void newReceiptsAreSchema2AndSignTheRfc8785FormOfTheirJsonWithoutTheSignature() {
        TestSigner signer = TestSigner.generated(ConsentKeys.RECEIPT_KEY_ID);
        Receipts receipts = receipts(signer);
        ConsentEvent e = new ConsentEvent("0199a3c1-5b2d-7f10-a1b2-c3d4e5f60718", "0199a3c1-3f00-7a11-9b22-0c1d2e3f4a5b",
                "subject:0199a3c1-4a10-7b2f-8e3d-1c2b3a4d5e6f", "web-analytics", ConsentAction.GRANT,
                ConsentStatus.GRANTED, ConsentEvent.NoticeRef.NONE, ConsentSource.API,
                OffsetDateTime.parse("2026-03-01T12:15:30.123+02:00"), null, ConsentEvent.Proof.NONE, null,
                "0199a3c1-5b2e-7c44-9d1a-3f6e8b0c2d41", OffsetDateTime.parse("2026-03-01T10:15:30.123Z"));
        Purpose p = new Purpose("web-analytics", "Web analytics", "Counting visits", LegalBasis.CONSENT,
                org.steward.consent.api.CcpaDisclosure.NONE, false,
                false, Set.of(), OffsetDateTime.parse("2026-03-01T10:15:30.123Z"));
        Receipt r = receipts.issue(e, p, null);
        assertThat(r.schemaVersion()).isEqualTo("steward-consent-receipt/2.0 (ISO/IEC TS 27560)");

        // What any RFC 8785 implementation computes from the receipt as served, less its signature member.
        JsonObject served = json(JSONB.toJson(r));
        JsonObject unsigned = Json.createObjectBuilder(served).remove("signature").build();
        assertThat(CanonicalJson.of(unsigned)).isEqualTo(r.signedText());
        assertThat(signer.verify(ConsentKeys.RECEIPT_KEY_ID, CanonicalJson.of(unsigned), r.signature().value()))
                .isTrue();

        // Re-formatted JSON (members in another order, whitespace) is the same receipt.
        String reformatted = "{ \"signature\": " + served.getJsonObject("signature") + ",\n"
                + served.entrySet().stream().filter(m -> !m.getKey().equals("signature"))
                .map(m -> "  \"" + m.getKey() + "\" : " + m.getValue()).sorted((a, b) -> b.compareTo(a))
                .reduce((a, b) -> a + ",\n" + b).orElseThrow() + "\n}";
        assertThat(receipts.verify(JSONB.fromJson(reformatted, Receipt.class)).valid()).isTrue();
        Receipt altered = JSONB.fromJson(Json.createObjectBuilder(served).add("holderRef", "subject:other").build()
                .toString(), Receipt.class);
        assertThat(receipts.verify(altered).valid()).isFalse();
    }

    @Test
    void anUnknownSchemaVersionIsNotVerified() {
        Receipts receipts = receipts(TestSigner.verifyingOnly(ConsentKeys.RECEIPT_KEY_ID, SPKI));
        JsonObject other = Json.createObjectBuilder(json(V1_SUBJECT))
                .add("schemaVersion", "steward-consent-receipt/9.0").build();
        Receipts.Verification v = receipts.verify(JSONB.fromJson(other.toString(), Receipt.class));
        assertThat(v.valid()).isFalse();
        assertThat(v.reason()).isEqualTo("unknown receipt schema version");
        JsonObject none = Json.createObjectBuilder(json(V1_SUBJECT)).remove("schemaVersion").build();
        assertThat(receipts.verify(JSONB.fromJson(none.toString(), Receipt.class)).valid()).isFalse();
    }
}
