package org.steward.subjectrights.internal.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HexFormat;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.steward.platform.crypto.api.Crypto;
import org.steward.platform.crypto.api.IndexKind;
import org.steward.platform.crypto.api.KeyedCipher;
import org.steward.platform.kernel.api.DataKeyId;
import org.steward.subjectrights.internal.entity.Request;

/**
 * The request's secrets: its own data key (what the requester gave is encrypted under it, so destroying it leaves a
 * log without identifiers), the keyed index that finds an open request of the same subject, the pseudonym, and the
 * hashes of one-time codes and tokens (never stored in the clear).
 */
@ApplicationScoped
public class RequestKeys {

    private static final String SECRET = "subject-rights-index";
    private static final SecureRandom RANDOM = new SecureRandom();

    @Inject
    Crypto crypto;

    public KeyedCipher newKey() {
        return crypto.newDataKey();
    }

    public KeyedCipher cipher(Request r) {
        return crypto.cipher(DataKeyId.of(r.dataKeyId()));
    }

    public void destroy(String dataKeyId) {
        crypto.destroy(DataKeyId.of(dataKeyId));
    }

    /** The same subject gives the same index: {@code kind:tenant:normalised value}. */
    public String identifierIndex(Request.IdentifierKind kind, String tenantId, String value) {
        String normalised = switch (kind) {
            case EMAIL -> IndexKind.EMAIL.normalise(value);
            case ACCOUNT_ID -> IndexKind.ACCOUNT_ID.normalise(value);
            case DEVICE, SUBJECT, TENANT -> value.strip();
        };
        return hmac("identifier:" + kind + ":" + (tenantId == null ? "" : tenantId) + ":" + normalised);
    }

    public String pseudonym(String identifierIndex) {
        return hmac("pseudonym:" + identifierIndex);
    }

    /** A pseudonym for an erased subject's id in the request log. */
    public String subjectPseudonym(String tenantId, String subjectId) {
        return "erased:" + hmac("subject:" + tenantId + ":" + subjectId).substring(0, 40);
    }

    /** Bound to the request, so that a code of one request is worth nothing for another. */
    public String codeHash(String requestId, String code) {
        return hmac("code:" + requestId + ":" + code);
    }

    public String tokenHash(String token) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(token.getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    public static String newCode() {
        return String.format("%06d", RANDOM.nextInt(1_000_000));
    }

    public static String newToken() {
        byte[] b = new byte[32];
        RANDOM.nextBytes(b);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(b);
    }

    /** Compares hashes in constant time. */
    public static boolean same(String a, String b) {
        return a != null && b != null && MessageDigest.isEqual(a.getBytes(StandardCharsets.US_ASCII),
                b.getBytes(StandardCharsets.US_ASCII));
    }

    private String hmac(String text) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(crypto.secret(SECRET), "HmacSHA256"));
            return HexFormat.of().formatHex(mac.doFinal(text.getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }
}
