package org.steward.consent.internal.control;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.steward.platform.kernel.api.CanonicalJson;

/**
 * A consent receipt, shaped after ISO/IEC TS 27560 and the Kantara consent receipt: who the controller is, whose
 * choice it is (the holder's reference only: no name, email or IP address), for which purposes under which notice,
 * the resulting state, when, and an Ed25519 signature over the canonical JSON of everything but the signature.
 *
 * <p>Schema 2.0 signs the RFC 8785 form of the receipt as served, without its {@code signature} member (the server
 * leaves null members out). Schema 1.0 receipts were signed over "sorted keys, no nulls, JCS escaping"; for the
 * strings and integers a receipt holds those are the same bytes, so both versions verify by the same form.
 */
@Schema(name = "ConsentReceipt")
public record Receipt(
        @Schema(required = true, format = "uuid") String receiptId,
        @Schema(required = true, example = SCHEMA_VERSION) String schemaVersion,
        @Schema(required = true) Controller controller,
        @Schema(required = true, description = "subject:<uuid> or device:<id>") String holderRef,
        @Schema(format = "uuid", description = "Absent for website visitors") String tenantId,
        @Schema(required = true, format = "uuid") String eventId,
        @Schema(required = true, type = SchemaType.ARRAY, implementation = Purpose.class) List<Purpose> purposes,
        @Schema(required = true) String source,
        @Schema(required = true, format = "date-time") String issuedAt,
        @Schema(format = "date-time") String expiresAt,
        @Schema(required = true) Signature signature) {

    public static final String SCHEMA_VERSION = "steward-consent-receipt/2.0 (ISO/IEC TS 27560)";
    /** Receipts issued before the canonical form was named RFC 8785: they must go on verifying. */
    public static final String SCHEMA_VERSION_1 = "steward-consent-receipt/1.0 (ISO/IEC TS 27560)";
    public static final Set<String> SCHEMA_VERSIONS = Set.of(SCHEMA_VERSION_1, SCHEMA_VERSION);

    @Schema(name = "ConsentReceiptController")
    public record Controller(@Schema(required = true) String name, String contact) {
    }

    @Schema(name = "ConsentReceiptPurpose")
    public record Purpose(@Schema(required = true) String purpose, @Schema(required = true) String legalBasis,
                          @Schema(required = true) String action, @Schema(required = true) String state,
                          Integer noticeVersion, String noticeLanguage, String noticeHash) {
    }

    @Schema(name = "ConsentReceiptSignature")
    public record Signature(@Schema(required = true, example = "Ed25519") String alg,
                            @Schema(required = true) String keyId,
                            @Schema(required = true, description = "base64url") String value) {
    }

    /** What the signature covers: every field except the signature itself. */
    public String signedText() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("receiptId", receiptId);
        m.put("schemaVersion", schemaVersion);
        m.put("controller", controller == null ? null : map("name", controller.name(), "contact",
                controller.contact()));
        m.put("holderRef", holderRef);
        m.put("tenantId", tenantId);
        m.put("eventId", eventId);
        m.put("purposes", purposes == null ? null : purposes.stream().map(p -> {
            Map<String, Object> pm = map("purpose", p.purpose(), "legalBasis", p.legalBasis(), "action",
                    p.action(), "state", p.state());
            pm.put("noticeVersion", p.noticeVersion());
            pm.put("noticeLanguage", p.noticeLanguage());
            pm.put("noticeHash", p.noticeHash());
            return pm;
        }).toList());
        m.put("source", source);
        m.put("issuedAt", issuedAt);
        m.put("expiresAt", expiresAt);
        return CanonicalJson.ofMembers(m);
    }

    public Receipt withSignature(Signature s) {
        return new Receipt(receiptId, schemaVersion, controller, holderRef, tenantId, eventId, purposes, source,
                issuedAt, expiresAt, s);
    }

    private static Map<String, Object> map(String... kv) {
        Map<String, Object> m = new LinkedHashMap<>();
        for (int i = 0; i < kv.length; i += 2) {
            m.put(kv[i], kv[i + 1]);
        }
        return m;
    }
}
