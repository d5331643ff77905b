package org.steward.platform.crypto.api;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.steward.platform.crypto.internal.Aead;

class BlindIndexFunctionTest {

    private final BlindIndexFunction index = new BlindIndexFunction(Aead.newKey());

    @Test
    void emailIsNormalisedForCaseAndSurroundingSpace() {
        String canonical = index.apply(IndexKind.EMAIL, "alice@example.com");

        assertThat(index.apply(IndexKind.EMAIL, "Alice@Example.COM")).isEqualTo(canonical);
        assertThat(index.apply(IndexKind.EMAIL, "  alice@example.com\t\n")).isEqualTo(canonical);
        assertThat(index.apply(IndexKind.EMAIL, "alice@example.org")).isNotEqualTo(canonical);
    }

    @Test
    void emailAndUsernameAreNfkcNormalised() {
        // Fullwidth letters (U+FF41...) and the "ﬁ" ligature are compatibility forms of plain ASCII.
        assertThat(index.apply(IndexKind.EMAIL, "\uFF41lice@example.com"))
                .isEqualTo(index.apply(IndexKind.EMAIL, "alice@example.com"));
        assertThat(index.apply(IndexKind.USERNAME, "\uFB01ona"))
                .isEqualTo(index.apply(IndexKind.USERNAME, "fiona"));
        assertThat(index.apply(IndexKind.USERNAME, " Fiona "))
                .isEqualTo(index.apply(IndexKind.USERNAME, "fiona"));
        // Composed and decomposed é are one user.
        assertThat(index.apply(IndexKind.USERNAME, "Ren\u00E9"))
                .isEqualTo(index.apply(IndexKind.USERNAME, "rene\u0301"));
    }

    @Test
    void accountIdStaysCaseSensitiveButIsStripped() {
        String id = index.apply(IndexKind.ACCOUNT_ID, "557058:AbC-123");

        assertThat(index.apply(IndexKind.ACCOUNT_ID, "557058:abc-123")).isNotEqualTo(id);
        assertThat(index.apply(IndexKind.ACCOUNT_ID, " 557058:AbC-123 ")).isEqualTo(id);
    }

    @Test
    void theSameValueUnderDifferentKindsDiffers() {
        String value = "alice";

        assertThat(index.apply(IndexKind.EMAIL, value))
                .isNotEqualTo(index.apply(IndexKind.USERNAME, value))
                .isNotEqualTo(index.apply(IndexKind.ACCOUNT_ID, value));
        assertThat(index.apply(IndexKind.USERNAME, value)).isNotEqualTo(index.apply(IndexKind.ACCOUNT_ID, value));
    }

    @Test
    void differentKeysGiveDifferentIndexes() {
        BlindIndexFunction other = new BlindIndexFunction(Aead.newKey());

        assertThat(other.apply(IndexKind.EMAIL, "alice@example.com"))
                .isNotEqualTo(index.apply(IndexKind.EMAIL, "alice@example.com"));
    }

    @Test
    void theSameKeyGivesTheSameIndexAcrossInstances() {
        byte[] raw = Aead.newKey().getEncoded();

        assertThat(new BlindIndexFunction(raw).apply(IndexKind.EMAIL, "alice@example.com"))
                .isEqualTo(new BlindIndexFunction(Aead.key(raw)).apply(IndexKind.EMAIL, "alice@example.com"));
    }

    @Test
    void theIndexIs43CharactersOfUnpaddedBase64Url() {
        for (String value : new String[] {"a", "alice@example.com", "x".repeat(1000), "Zoë"}) {
            assertThat(index.apply(IndexKind.EMAIL, value))
                    .hasSize(43)
                    .matches("[A-Za-z0-9_-]{43}");
        }
        assertThat(index.apply(IndexKind.EMAIL, "alice@example.com")).doesNotContain("alice").doesNotContain("@");
    }
}
