package org.steward.consent.internal.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.HexFormat;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.steward.consent.internal.entity.ConsentEvent;

/**
 * The proof kept with a consent action: the user agent (truncated) and HMAC-SHA-256 of the IP address under a
 * server key. A plain hash of an IPv4 address is reversed by trying all 2^32; a keyed one is not, yet the same
 * address still gives the same value, which is what a dispute needs.
 */
@ApplicationScoped
public class ProofHasher {

    static final int MAX_USER_AGENT = 512;

    @Inject
    ConsentKeys keys;

    public ConsentEvent.Proof proof(String userAgent, String ipAddress) {
        String ua = userAgent == null ? null : userAgent.length() > MAX_USER_AGENT
                ? userAgent.substring(0, MAX_USER_AGENT) : userAgent;
        return new ConsentEvent.Proof(ua, ipAddress == null ? null : hmac(keys.proofKey(), ipAddress));
    }

    static String hmac(byte[] key, String value) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key, "HmacSHA256"));
            return HexFormat.of().formatHex(mac.doFinal(value.getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }
}
