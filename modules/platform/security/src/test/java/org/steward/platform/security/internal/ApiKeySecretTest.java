package org.steward.platform.security.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ApiKeySecretTest {

    private static final String ID = "0190a1b2-c3d4-7e5f-8a9b-0c1d2e3f4a5b";

    @Test
    void secretsAre256RandomBitsInBase64Url() {
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < 200; i++) {
            String s = ApiKeySecret.newSecret();
            assertThat(s).matches("[A-Za-z0-9_-]{43}");
            assertThat(seen.add(s)).isTrue();
        }
    }

    @Test
    void formatThenParseGivesTheIdAndSecretBack() {
        for (int i = 0; i < 200; i++) {
            String secret = ApiKeySecret.newSecret();
            String key = ApiKeySecret.format(ID, secret);
            assertThat(key).isEqualTo("stw_" + ID + "_" + secret);
            ApiKeySecret.Parsed parsed = ApiKeySecret.parse(key);
            assertThat(parsed).isNotNull();
            assertThat(parsed.keyId()).isEqualTo(ID);
            assertThat(parsed.secret()).isEqualTo(secret);
        }
    }

    @Test
    void surroundingWhitespaceIsIgnored() {
        String secret = ApiKeySecret.newSecret();
        assertThat(ApiKeySecret.parse("  " + ApiKeySecret.format(ID, secret) + "\t")).isNotNull();
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "stw_", "stw__", "garbage", "stw_" + ID, "stw_" + ID + "_",
            "stw_" + ID + "_short", "stw_" + ID + "_AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA",
            "stw_" + ID + "_AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA+",
            "stw_" + ID + "_AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA=",
            "STW_" + ID + "_AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA",
            "stw_0190A1B2-C3D4-7E5F-8A9B-0C1D2E3F4A5B_AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA",
            "stw_0190a1b2c3d47e5f8a9b0c1d2e3f4a5b_AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA",
            "xstw_" + ID + "_AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA",
            "Bearer stw_" + ID + "_AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA",
            "stw_" + ID + "_AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA\nX"})
    void wrongShapesAreNull(String presented) {
        assertThat(ApiKeySecret.parse(presented)).isNull();
    }

    @Test
    void nullIsNull() {
        assertThat(ApiKeySecret.parse(null)).isNull();
    }

    @Test
    void theHashIsHexSha256AndMatchesOnlyItsSecret() {
        String secret = ApiKeySecret.newSecret();
        String hash = ApiKeySecret.hash(secret);

        assertThat(hash).matches("[0-9a-f]{64}").doesNotContain(secret);
        assertThat(ApiKeySecret.hash(secret)).isEqualTo(hash);
        assertThat(ApiKeySecret.matches(secret, hash)).isTrue();
        assertThat(ApiKeySecret.matches(ApiKeySecret.newSecret(), hash)).isFalse();
        assertThat(ApiKeySecret.matches(secret, hash.toUpperCase())).isFalse();
        assertThat(ApiKeySecret.matches(secret, "")).isFalse();
        assertThat(ApiKeySecret.matches(secret, null)).isFalse();
        // a known vector: SHA-256("abc")
        assertThat(ApiKeySecret.hash("abc"))
                .isEqualTo("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
    }
}
