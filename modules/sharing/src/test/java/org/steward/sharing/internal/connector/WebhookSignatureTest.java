package org.steward.sharing.internal.connector;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.steward.sharing.internal.connector.WebhookSignature.Reason;
import org.steward.sharing.internal.connector.WebhookSignature.Refused;
import org.steward.sharing.internal.connector.WebhookSignature.Verified;

class WebhookSignatureTest {

    private static final byte[] SECRET = "0123456789abcdef0123456789abcdef".getBytes(UTF_8);
    private static final byte[] BODY = "{\"event\":\"subprocessor.notice\",\"name\":\"Ärger & Co\"}".getBytes(UTF_8);
    private static final long T = 1_750_000_000L;
    private static final Instant NOW = Instant.ofEpochSecond(T);
    private static final Duration TOLERANCE = WebhookSignature.DEFAULT_TOLERANCE;

    @Test
    void signsTheTimestampDotBodyWithHmacSha256InLowercaseHex() throws Exception {
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(SECRET, "HmacSHA256"));
        mac.update((T + ".").getBytes(UTF_8));
        String expected = HexFormat.of().formatHex(mac.doFinal(BODY));

        assertThat(WebhookSignature.sign(SECRET, T, BODY)).isEqualTo("t=" + T + ",v1=" + expected);
    }

    @Test
    void matchesAVectorComputedElsewhere() {
        // printf '0.what do ya want for nothing?' | openssl dgst -sha256 -hmac Jefe
        String header = WebhookSignature.sign("Jefe".getBytes(UTF_8), 0, "what do ya want for nothing?".getBytes(UTF_8));

        assertThat(header).isEqualTo("t=0,v1=37f471929915ccd2cbbe79feb84ffcff4f2bb25e15fc41c2506687331ae179cc");
    }

    @Test
    void verifiesItsOwnSignatureAndReturnsTheTimestampAndV1() throws Refused {
        String header = WebhookSignature.sign(SECRET, T, BODY);

        Verified verified = WebhookSignature.verify(SECRET, header, BODY, NOW, TOLERANCE);

        assertThat(verified.signedAt()).isEqualTo(NOW);
        assertThat(verified.v1()).isEqualTo(header.substring(header.indexOf("v1=") + 3));
    }

    @Test
    void refusesAnotherBodyAnotherSecretOrAnotherTimestamp() {
        String header = WebhookSignature.sign(SECRET, T, BODY);

        assertRefused(SECRET, header, "{}".getBytes(UTF_8), NOW, Reason.MISMATCH);
        assertRefused("another secret".getBytes(UTF_8), header, BODY, NOW, Reason.MISMATCH);
        assertRefused(SECRET, header.replace("t=" + T, "t=" + (T + 1)), BODY, NOW, Reason.MISMATCH);
    }

    @Test
    void refusesAFlippedDigit() {
        String header = WebhookSignature.sign(SECRET, T, BODY);
        char last = header.charAt(header.length() - 1);
        String tampered = header.substring(0, header.length() - 1) + (last == '0' ? '1' : '0');

        assertRefused(SECRET, tampered, BODY, NOW, Reason.MISMATCH);
    }

    @Test
    void acceptsAnyMatchingV1AmongSeveralAndIgnoresUnknownKeys() throws Refused {
        String good = WebhookSignature.sign(SECRET, T, BODY);
        String v1 = good.substring(good.indexOf("v1=") + 3);
        String header = "t=" + T + ",v1=" + "0".repeat(64) + ",v0=legacy,v1=" + v1.toUpperCase() + ",x=";

        Verified verified = WebhookSignature.verify(SECRET, header, BODY, NOW, TOLERANCE);

        assertThat(verified.v1()).isEqualTo(v1);
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "   "})
    void refusesANoHeaderAsMissing(String header) {
        assertRefused(SECRET, header, BODY, NOW, Reason.MISSING);
        assertRefused(SECRET, null, BODY, NOW, Reason.MISSING);
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "garbage",
            "v1=0000000000000000000000000000000000000000000000000000000000000000",
            "t=1750000000",
            "t=1750000000,t=1750000000,v1=0000000000000000000000000000000000000000000000000000000000000000",
            "t=-5,v1=0000000000000000000000000000000000000000000000000000000000000000",
            "t=+5,v1=0000000000000000000000000000000000000000000000000000000000000000",
            "t=,v1=0000000000000000000000000000000000000000000000000000000000000000",
            "t=99999999999999999999,v1=0000000000000000000000000000000000000000000000000000000000000000",
            "t=1750000000,v1=000000000000000000000000000000000000000000000000000000000000000",
            "t=1750000000,v1=00000000000000000000000000000000000000000000000000000000000000000",
            "t=1750000000,v1=000000000000000000000000000000000000000000000000000000000000000g",
            "t=1750000000,,v1=0000000000000000000000000000000000000000000000000000000000000000",
            "t=1750000000,v1=0000000000000000000000000000000000000000000000000000000000000000,",
            "t=1750000000, v1=0000000000000000000000000000000000000000000000000000000000000000",
            "=1,t=1750000000,v1=0000000000000000000000000000000000000000000000000000000000000000",
            "t=1750000000;v1=0000000000000000000000000000000000000000000000000000000000000000",
    })
    void refusesAnythingButOneTimestampAndHexSignaturesAsMalformed(String header) {
        assertRefused(SECRET, header, BODY, NOW, Reason.MALFORMED);
    }

    @Test
    void acceptsTheTimestampExactlyAtTheToleranceEitherWay() throws Refused {
        String header = WebhookSignature.sign(SECRET, T, BODY);

        assertThat(WebhookSignature.verify(SECRET, header, BODY, NOW.plus(TOLERANCE), TOLERANCE).signedAt())
                .isEqualTo(NOW);
        assertThat(WebhookSignature.verify(SECRET, header, BODY, NOW.minus(TOLERANCE), TOLERANCE).signedAt())
                .isEqualTo(NOW);
    }

    @Test
    void refusesATimestampBeyondTheToleranceEitherWay() {
        String header = WebhookSignature.sign(SECRET, T, BODY);

        assertRefused(SECRET, header, BODY, NOW.plus(TOLERANCE).plusMillis(1), Reason.TOO_OLD);
        assertRefused(SECRET, header, BODY, NOW.minus(TOLERANCE).minusMillis(1), Reason.IN_THE_FUTURE);
        assertRefused(SECRET, header, BODY, NOW.plus(Duration.ofDays(1)), Reason.TOO_OLD);
    }

    @Test
    void reportsAForgedStaleSignatureAsAMismatchNotAsStale() {
        String stale = WebhookSignature.sign("another secret".getBytes(UTF_8), T, BODY);

        assertRefused(SECRET, stale, BODY, NOW.plus(Duration.ofDays(1)), Reason.MISMATCH);
    }

    @Test
    void refusesATimestampBeyondTheLastInstantAsInTheFuture() {
        String header = WebhookSignature.sign(SECRET, Long.MAX_VALUE, BODY);

        assertRefused(SECRET, header, BODY, NOW, Reason.IN_THE_FUTURE);
    }

    @Test
    void honoursAToleranceOfZero() throws Refused {
        String header = WebhookSignature.sign(SECRET, T, BODY);

        assertThat(WebhookSignature.verify(SECRET, header, BODY, NOW, Duration.ZERO).signedAt()).isEqualTo(NOW);
        assertRefused(SECRET, header, BODY, NOW.plusSeconds(1), Duration.ZERO, Reason.TOO_OLD);
    }

    @Test
    void refusalMessagesNameOnlyTheReason() {
        String header = WebhookSignature.sign(SECRET, T, BODY);

        assertThatThrownBy(() -> WebhookSignature.verify(SECRET, header, "tampered".getBytes(UTF_8), NOW, TOLERANCE))
                .isInstanceOf(Refused.class)
                .hasMessage("Webhook signature refused: MISMATCH");
    }

    @Test
    void refusesAnEmptySecretANegativeTimestampOrANegativeTolerance() {
        String header = WebhookSignature.sign(SECRET, T, BODY);

        assertThatThrownBy(() -> WebhookSignature.sign(new byte[0], T, BODY))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> WebhookSignature.sign(SECRET, -1, BODY))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> WebhookSignature.verify(new byte[0], header, BODY, NOW, TOLERANCE))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> WebhookSignature.verify(SECRET, header, BODY, NOW, Duration.ofSeconds(-1)))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void newSecretsAre32RandomBytes() {
        byte[] a = WebhookSignature.newSecret();
        byte[] b = WebhookSignature.newSecret();

        assertThat(a).hasSize(32);
        assertThat(b).hasSize(32).isNotEqualTo(a);
    }

    @Test
    void encodesSecretsAsPrefixedUnpaddedBase64UrlAndDecodesThemBack() {
        byte[] secret = new byte[32];
        for (int i = 0; i < secret.length; i++) {
            secret[i] = (byte) (0xF0 + i);
        }

        String encoded = WebhookSignature.encodeSecret(secret);

        assertThat(encoded).startsWith("whsec_").doesNotContain("=", "+", "/").hasSize(6 + 43);
        assertThat(WebhookSignature.decodeSecret(encoded)).isEqualTo(secret);
        assertThat(WebhookSignature.decodeSecret(encoded.substring(6))).isEqualTo(secret);
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "whsec_", "whsec_abc=", "whsec_ab+/", "whsec_a", "whsec_has space"})
    void refusesASecretThatIsNotUnpaddedBase64UrlWithoutQuotingIt(String encoded) {
        assertThatThrownBy(() -> WebhookSignature.decodeSecret(encoded))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("A webhook secret must be base64url without padding");
    }

    private static void assertRefused(byte[] secret, String header, byte[] body, Instant now, Reason reason) {
        assertRefused(secret, header, body, now, TOLERANCE, reason);
    }

    private static void assertRefused(byte[] secret, String header, byte[] body, Instant now, Duration tolerance,
                                      Reason reason) {
        assertThatThrownBy(() -> WebhookSignature.verify(secret, header, body, now, tolerance))
                .isInstanceOfSatisfying(Refused.class, e -> assertThat(e.reason()).isEqualTo(reason));
    }
}
