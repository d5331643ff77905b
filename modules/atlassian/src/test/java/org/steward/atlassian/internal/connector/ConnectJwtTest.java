package org.steward.atlassian.internal.connector;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import org.junit.jupiter.api.Test;

/** The Connect JWT: its query string hash, its exact encoding and the checks a product makes on it. */
class ConnectJwtTest {

    private static final byte[] SECRET = "shared-secret".getBytes(StandardCharsets.UTF_8);
    private static final String ISSUER = "org.steward.connector";
    private static final String REPORT = "/rest/atlassian-connect/latest/report-accounts";
    private static final Instant NOW = Instant.ofEpochSecond(1_700_000_000L);
    private static final Duration TTL = Duration.ofMinutes(3);

    @Test
    void theHashIsTheSha256OfTheCanonicalRequestInLowercaseHex() {
        // sha256("GET&/rest/api/latest/issue&"), computed apart with sha256sum
        assertThat(ConnectJwt.qsh("GET", "/rest/api/latest/issue", null))
                .isEqualTo("3d4b9da0de67fabb3155a3bcf374d11f93f11c2cc0bc7a9f5453d82dd044a8f5");
        assertThat(ConnectJwt.qsh("get", "/rest/api/latest/issue/", ""))
                .isEqualTo("3d4b9da0de67fabb3155a3bcf374d11f93f11c2cc0bc7a9f5453d82dd044a8f5");
        // sha256("GET&/rest/api/latest/issue&a=0,1&b=2")
        assertThat(ConnectJwt.qsh("GET", "/rest/api/latest/issue", "b=2&a=1&a=0&jwt=x"))
                .isEqualTo("680bd8db407a9df4272702320af648c50c9410c6456b710e79d3066e914f7079");
    }

    @Test
    void theCanonicalRequestUpperCasesTheMethodAndNormalisesThePath() {
        assertThat(ConnectJwt.canonicalRequest("post", REPORT, null))
                .isEqualTo("POST&/rest/atlassian-connect/latest/report-accounts&");
        assertThat(ConnectJwt.canonicalUri(null)).isEqualTo("/");
        assertThat(ConnectJwt.canonicalUri("")).isEqualTo("/");
        assertThat(ConnectJwt.canonicalUri("/")).isEqualTo("/");
        assertThat(ConnectJwt.canonicalUri("rest/api/2/issue/")).isEqualTo("/rest/api/2/issue");
        assertThat(ConnectJwt.canonicalUri("/a&b")).isEqualTo("/a%26b");
    }

    @Test
    void theCanonicalQuerySortsNamesAndValuesJoinsRepeatsAndDropsTheToken() {
        assertThat(ConnectJwt.canonicalQuery("b=2&a=1&a=0&jwt=x")).isEqualTo("a=0,1&b=2");
        assertThat(ConnectJwt.canonicalQuery(null)).isEmpty();
        assertThat(ConnectJwt.canonicalQuery("")).isEmpty();
        assertThat(ConnectJwt.canonicalQuery("jwt=x")).isEmpty();
        assertThat(ConnectJwt.canonicalQuery("flag&x=")).isEqualTo("flag=&x=");
        assertThat(ConnectJwt.canonicalQuery("z=1&&y=2&")).isEqualTo("y=2&z=1");
    }

    @Test
    void theCanonicalQueryPercentEncodesAfterDecodingAsRfc3986() {
        assertThat(ConnectJwt.canonicalQuery("q=a+b&r=a%20b&s=%2A*&t=~%7E&u=%C3%A9,"))
                .isEqualTo("q=a%20b&r=a%20b&s=%2A%2A&t=~~&u=%C3%A9%2C");
        assertThat(ConnectJwt.canonicalQuery("expand=names%2Cschema&maxResults=50"))
                .isEqualTo("expand=names%2Cschema&maxResults=50");
        // sorted by the encoded name: "%20" sorts before letters, "A" before "a"
        assertThat(ConnectJwt.canonicalQuery("a=1&A=2&+=3")).isEqualTo("%20=3&A=2&a=1");
        assertThatThrownBy(() -> ConnectJwt.canonicalQuery("a=%zz")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void theTokenIsTheCompactHs256JwsConnectExpects() {
        // computed apart with Python's hmac and base64 from the same header and claims
        assertThat(ConnectJwt.sign(ISSUER, SECRET, "GET", "/rest/api/latest/issue", null, NOW, TTL)).isEqualTo(
                "eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9"
                        + ".eyJpc3MiOiJvcmcuc3Rld2FyZC5jb25uZWN0b3IiLCJpYXQiOjE3MDAwMDAwMDAsImV4cCI6MTcwMDAwMDE4MCwic"
                        + "XNoIjoiM2Q0YjlkYTBkZTY3ZmFiYjMxNTVhM2JjZjM3NGQxMWY5M2YxMWMyY2MwYmM3YTlmNTQ1M2Q4MmRkMDQ0YThm"
                        + "NSJ9.2UHOk02bhDXlA00BIQ86IrTeyCBGtjRN1eFPX_kfoWU");
    }

    @Test
    void aSignedTokenVerifiesForItsRequest() {
        String jwt = ConnectJwt.sign(ISSUER, SECRET, "POST", REPORT, "limit=90&cursor=x%20y", NOW, TTL);

        ConnectJwt.Claims claims = ConnectJwt.verify(jwt, SECRET, "post", REPORT + "/", "cursor=x+y&limit=90&jwt=t",
                NOW.plusSeconds(30));

        assertThat(claims).isEqualTo(new ConnectJwt.Claims(ISSUER, NOW.getEpochSecond(),
                NOW.getEpochSecond() + 180, ConnectJwt.qsh("POST", REPORT, "limit=90&cursor=x%20y")));
    }

    @Test
    void theIssuerIsEscapedInTheClaims() {
        String issuer = "a\"b\\c\n\u0001é";
        String jwt = ConnectJwt.sign(issuer, SECRET, "GET", "/", null, NOW, TTL);

        assertThat(payload(jwt)).startsWith("{\"iss\":\"a\\\"b\\\\c\\n\\u0001é\",\"iat\":1700000000,");
        assertThat(ConnectJwt.verify(jwt, SECRET, "GET", "/", null, NOW).iss()).isEqualTo(issuer);
    }

    @Test
    void aTamperedPayloadIsRefused() {
        String jwt = ConnectJwt.sign(ISSUER, SECRET, "GET", REPORT, null, NOW, TTL);
        String[] parts = jwt.split("\\.");
        String forged = payload(jwt).replace("\"exp\":1700000180", "\"exp\":1800000000");
        String tampered = parts[0] + "." + base64(forged) + "." + parts[2];

        assertThatThrownBy(() -> ConnectJwt.verify(tampered, SECRET, "GET", REPORT, null, NOW))
                .isInstanceOf(IllegalArgumentException.class).hasMessage("bad signature");
    }

    @Test
    void aTokenSignedWithAnotherSecretIsRefused() {
        String jwt = ConnectJwt.sign(ISSUER, "other-secret".getBytes(StandardCharsets.UTF_8), "GET", REPORT, null,
                NOW, TTL);

        assertThatThrownBy(() -> ConnectJwt.verify(jwt, SECRET, "GET", REPORT, null, NOW))
                .isInstanceOf(IllegalArgumentException.class).hasMessage("bad signature");
    }

    @Test
    void anExpiredTokenIsRefusedBeyondTheSkew() {
        String jwt = ConnectJwt.sign(ISSUER, SECRET, "GET", REPORT, null, NOW, TTL);
        Instant exp = NOW.plus(TTL);

        assertThat(ConnectJwt.verify(jwt, SECRET, "GET", REPORT, null, exp.plusSeconds(60))).isNotNull();
        assertThatThrownBy(() -> ConnectJwt.verify(jwt, SECRET, "GET", REPORT, null, exp.plusSeconds(61)))
                .isInstanceOf(IllegalArgumentException.class).hasMessage("expired");
    }

    @Test
    void aTokenForAnotherPathMethodOrQueryIsRefused() {
        String jwt = ConnectJwt.sign(ISSUER, SECRET, "POST", REPORT, "limit=90", NOW, TTL);

        assertThatThrownBy(() -> ConnectJwt.verify(jwt, SECRET, "POST", "/rest/api/3/user", "limit=90", NOW))
                .isInstanceOf(IllegalArgumentException.class).hasMessage("qsh does not match the request");
        assertThatThrownBy(() -> ConnectJwt.verify(jwt, SECRET, "GET", REPORT, "limit=90", NOW))
                .isInstanceOf(IllegalArgumentException.class).hasMessage("qsh does not match the request");
        assertThatThrownBy(() -> ConnectJwt.verify(jwt, SECRET, "POST", REPORT, "limit=91", NOW))
                .isInstanceOf(IllegalArgumentException.class).hasMessage("qsh does not match the request");
    }

    @Test
    void anotherAlgorithmOrAMalformedTokenIsRefused() {
        String jwt = ConnectJwt.sign(ISSUER, SECRET, "GET", REPORT, null, NOW, TTL);
        String[] parts = jwt.split("\\.");
        String none = base64("{\"alg\":\"none\",\"typ\":\"JWT\"}") + "." + parts[1] + ".";

        assertThatThrownBy(() -> ConnectJwt.verify(none, SECRET, "GET", REPORT, null, NOW))
                .isInstanceOf(IllegalArgumentException.class).hasMessage("alg is not HS256");
        assertThatThrownBy(() -> ConnectJwt.verify(parts[0] + "." + parts[1], SECRET, "GET", REPORT, null, NOW))
                .isInstanceOf(IllegalArgumentException.class).hasMessage("not a compact JWS");
        assertThatThrownBy(() -> ConnectJwt.verify(jwt + "=", SECRET, "GET", REPORT, null, NOW))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> ConnectJwt.verify("!!." + parts[1] + "." + parts[2], SECRET, "GET", REPORT, null,
                NOW)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> ConnectJwt.verify(null, SECRET, "GET", REPORT, null, NOW))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> ConnectJwt.sign(ISSUER, new byte[0], "GET", REPORT, null, NOW, TTL))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> ConnectJwt.sign(ISSUER, SECRET, "GET", REPORT, null, NOW, Duration.ZERO))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void theReaderTakesAFlatObjectOfStringsAndIntegersOnly() {
        assertThat(ConnectJwt.Json.parse(" { \"a\" : \"x\\u0041\\/\" , \"b\" : -12 } "))
                .containsEntry("a", "xA/").containsEntry("b", -12L);
        assertThat(ConnectJwt.Json.parse("{}")).isEmpty();
        for (String bad : new String[]{"", "{", "{\"a\":1,}", "{\"a\":{}}", "{\"a\":1.5}", "{\"a\":true}",
                "{\"a\":01}", "{\"a\":1}x", "{\"a\":1,\"a\":2}", "{\"a\":\"\\x\"}", "{\"a\":99999999999999999999}"}) {
            assertThatThrownBy(() -> ConnectJwt.Json.parse(bad)).as(bad).isInstanceOf(IllegalArgumentException.class);
        }
    }

    private static String payload(String jwt) {
        return new String(Base64.getUrlDecoder().decode(jwt.split("\\.")[1]), StandardCharsets.UTF_8);
    }

    private static String base64(String json) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(json.getBytes(StandardCharsets.UTF_8));
    }
}
