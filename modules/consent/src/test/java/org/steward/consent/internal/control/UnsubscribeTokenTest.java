package org.steward.consent.internal.control;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.Base64;
import org.junit.jupiter.api.Test;

class UnsubscribeTokenTest {

    private static final byte[] KEY = new byte[32];
    private static final Instant NOW = Instant.parse("2026-01-01T00:00:00Z");
    private static final UnsubscribeToken.Claims CLAIMS = new UnsubscribeToken.Claims(
            "0190a000-0000-7000-8000-000000000002", "drip-emails", NOW, NOW.plusSeconds(3600));

    @Test
    void aMintedTokenVerifiesUntilItExpires() {
        String token = UnsubscribeToken.mint(KEY, CLAIMS);
        assertThat(UnsubscribeToken.verify(KEY, token, NOW.plusSeconds(10))).isEqualTo(CLAIMS);
        assertThatThrownBy(() -> UnsubscribeToken.verify(KEY, token, NOW.plusSeconds(3600)))
                .isInstanceOf(UnsubscribeToken.Refused.class).hasMessageContaining("expired");
    }

    @Test
    void forgedTamperedOrForeignTokensAreRefused() {
        String token = UnsubscribeToken.mint(KEY, CLAIMS);
        byte[] other = new byte[32];
        other[0] = 1;
        String[] parts = token.split("\\.");
        String otherSubject = Base64.getUrlEncoder().withoutPadding().encodeToString(
                "0190a000-0000-7000-8000-000000000009\ndrip-emails\n1767225600\n1767229200".getBytes());
        for (String bad : new String[]{UnsubscribeToken.mint(other, CLAIMS), parts[0] + "." + otherSubject + "."
                + parts[2], token.substring(0, token.length() - 2) + "AA", "v1.x.y", "garbage", "", "v1..",
                token + "."}) {
            assertThatThrownBy(() -> UnsubscribeToken.verify(KEY, bad, NOW)).as(bad)
                    .isInstanceOf(UnsubscribeToken.Refused.class);
        }
    }
}
