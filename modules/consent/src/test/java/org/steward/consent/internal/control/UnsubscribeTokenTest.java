package org.steward.consent.internal.control;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.Test;

class UnsubscribeTokenTest {

    private static final byte[] KEY = new byte[32];
    private static final Instant NOW = Instant.parse("2026-01-01T00:00:00Z");
    private static final String SUBJECT = "0190a000-0000-7000-8000-000000000002";
    private static final UnsubscribeToken.Claims CLAIMS = new UnsubscribeToken.Claims(SUBJECT, "drip-emails", NOW);
    private static final Base64.Encoder B64 = Base64.getUrlEncoder().withoutPadding();

    @Test
    void aMintedTokenVerifiesAndCarriesNoExpiry() {
        String token = UnsubscribeToken.mint(KEY, CLAIMS);
        assertThat(token).startsWith("v2.");
        assertThat(UnsubscribeToken.verify(KEY, token)).isEqualTo(CLAIMS);
    }

    @Test
    void aV1TokenMintedWithAnExpiryStillVerifiesLongAfterIt() throws Exception {
        // As minted before links stopped expiring: subject, purpose, issued, expires (an hour later, long past).
        String body = "v1." + B64.encodeToString((SUBJECT + "\ndrip-emails\n" + NOW.getEpochSecond() + "\n"
                + (NOW.getEpochSecond() + 3600)).getBytes(StandardCharsets.UTF_8));
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(KEY, "HmacSHA256"));
        String token = body + "." + B64.encodeToString(mac.doFinal(body.getBytes(StandardCharsets.US_ASCII)));
        assertThat(UnsubscribeToken.verify(KEY, token)).isEqualTo(CLAIMS);
        // Relabelled as v2 (three fields expected), the MAC no longer matches.
        assertThatThrownBy(() -> UnsubscribeToken.verify(KEY, "v2" + token.substring(2)))
                .isInstanceOf(UnsubscribeToken.Refused.class);
    }

    @Test
    void forgedTamperedOrForeignTokensAreRefused() {
        String token = UnsubscribeToken.mint(KEY, CLAIMS);
        byte[] other = new byte[32];
        other[0] = 1;
        String[] parts = token.split("\\.");
        String otherSubject = B64.encodeToString(
                "0190a000-0000-7000-8000-000000000009\ndrip-emails\n1767225600".getBytes(StandardCharsets.UTF_8));
        for (String bad : new String[]{UnsubscribeToken.mint(other, CLAIMS), parts[0] + "." + otherSubject + "."
                + parts[2], token.substring(0, token.length() - 2) + "AA", "v1.x.y", "v2.x.y", "v3.x.y", "garbage",
                "", "v2..", token + ".", "x".repeat(600)}) {
            assertThatThrownBy(() -> UnsubscribeToken.verify(KEY, bad)).as(bad)
                    .isInstanceOf(UnsubscribeToken.Refused.class);
        }
    }
}
