package org.steward.platform.kernel.api.sensitive;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

class SensitiveDataRulesTest {

    private final SensitiveDataRules rules = new SensitiveDataRules(Map.of(
            SensitiveCategory.HEALTH, List.of("diagnosed", " diagnosis ", "", "HIV"),
            SensitiveCategory.RELIGION, List.of("catholic", "muslim"),
            SensitiveCategory.TRADE_UNION, List.of("  ")));

    private final SensitiveDataRules noKeywords = new SensitiveDataRules(Map.of());

    @Test
    void aListedKeywordFlagsItsCategory() {
        assertThat(rules.detect("The customer was diagnosed last week")).contains(SensitiveCategory.HEALTH);
        assertThat(rules.detect("Diagnosis pending")).contains(SensitiveCategory.HEALTH);
        assertThat(rules.detect("He is Catholic.")).contains(SensitiveCategory.RELIGION);
    }

    @Test
    void keywordsMatchCaseInsensitivelyIncludingNonAscii() {
        assertThat(rules.detect("DIAGNOSED")).contains(SensitiveCategory.HEALTH);
        assertThat(rules.detect("hiv positive")).contains(SensitiveCategory.HEALTH);
        SensitiveDataRules german = new SensitiveDataRules(Map.of(SensitiveCategory.RELIGION, List.of("Kirchensteuer", "Glaube")));
        assertThat(german.detect("GLAUBE: evangelisch")).contains(SensitiveCategory.RELIGION);
    }

    @Test
    void keywordsMatchOnlyAsWholeWords() {
        // "diagnostics" contains neither "diagnosed" nor "diagnosis" as a word.
        assertThat(rules.detect("Run the diagnostics tool")).isEmpty();
        assertThat(rules.detect("undiagnosed")).isEmpty();
        assertThat(rules.detect("diagnosed2")).isEmpty();
        assertThat(rules.detect("Archive")).isEmpty();
        // Punctuation and line starts are word boundaries.
        assertThat(rules.detect("(diagnosed)")).contains(SensitiveCategory.HEALTH);
        assertThat(rules.detect("note:diagnosis")).contains(SensitiveCategory.HEALTH);
    }

    @Test
    void wordBoundariesAreUnicodeAware() {
        SensitiveDataRules korean = new SensitiveDataRules(Map.of(SensitiveCategory.HEALTH, List.of("암")));

        assertThat(korean.detect("진단: 암")).contains(SensitiveCategory.HEALTH);
        // Part of a longer Hangul word: not the keyword on its own.
        assertThat(korean.detect("암호")).isEmpty();
    }

    @Test
    void keywordsAreMatchedLiterallyNotAsRegex() {
        SensitiveDataRules literal = new SensitiveDataRules(Map.of(SensitiveCategory.HEALTH, List.of("a.c")));

        assertThat(literal.detect("abc")).isEmpty();
        assertThat(literal.detect("x a.c y")).contains(SensitiveCategory.HEALTH);
    }

    @Test
    void blankKeywordsAreIgnoredRatherThanMatchingEverything() {
        assertThat(rules.detect("an ordinary sentence about a union meeting")).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"SSN 123-45-6789", "123-45-6789", "id=078-05-1120.", "주민번호 900101-1234567",
            "RRN:851231-2345678"})
    void nationalIdShapesAreFlagged(String text) {
        assertThat(noKeywords.detect(text)).contains(SensitiveCategory.NATIONAL_ID);
    }

    @ParameterizedTest
    @ValueSource(strings = {"call 123-456-7890", "1234-56-789", "900101-9234567", "ticket 2024-01-15"})
    void otherDashedNumbersAreNotNationalIds(String text) {
        assertThat(noKeywords.detect(text)).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"4111111111111111", "card 4111 1111 1111 1111 exp 12/27", "4111-1111-1111-1111",
            "5500 0000 0000 0004", "3782 822463 10005", "6011000990139424"})
    void luhnValidCardNumbersAreFlagged(String text) {
        assertThat(noKeywords.detect(text)).contains(SensitiveCategory.PAYMENT_CARD);
    }

    @ParameterizedTest
    @ValueSource(strings = {"order 4111111111111112", "Order no. 1234 5678 9012 3456", "tracking 1234567890123457",
            "phone 010 1234 5678", "123456789012"})
    void luhnInvalidOrShortNumbersAreNotCards(String text) {
        assertThat(noKeywords.detect(text)).isEmpty();
    }

    @ParameterizedTest
    @NullAndEmptySource
    @ValueSource(strings = {"   ", "\t\n"})
    void nullOrBlankTextIsClean(String text) {
        assertThat(rules.detect(text)).isEmpty();
    }

    @Test
    void ordinaryTextIsClean() {
        assertThat(rules.detect("Please update my shipping address to 221B Baker Street, London NW1 6XE"))
                .isEmpty();
    }

    @Test
    void luhnChecksTheDigitsAndTheMinimumLength() {
        assertThat(SensitiveDataRules.luhn("4111111111111111")).isTrue();
        assertThat(SensitiveDataRules.luhn("4111111111111112")).isFalse();
        assertThat(SensitiveDataRules.luhn("79927398713")).as("valid checksum but only 11 digits").isFalse();
    }

    // ---------------------------------------------------------------- the term syntax

    private static SensitiveDataRules health(String... terms) {
        return new SensitiveDataRules(Map.of(SensitiveCategory.HEALTH, List.of(terms)));
    }

    @Test
    void aPhraseMatchesAcrossSpacesAndHyphensButNotInsideAnotherWord() {
        SensitiveDataRules union = new SensitiveDataRules(Map.of(SensitiveCategory.TRADE_UNION, List.of("trade union*")));

        assertThat(union.detect("I'm a trade union member")).contains(SensitiveCategory.TRADE_UNION);
        assertThat(union.detect("a trade-union rep")).contains(SensitiveCategory.TRADE_UNION);
        assertThat(union.detect("Trade\n unions")).contains(SensitiveCategory.TRADE_UNION);
        assertThat(union.detect("there is a trade-off")).isEmpty();
        assertThat(union.detect("the tradeunion")).isEmpty();
        assertThat(union.detect("trade \u00b7 union")).as("a middle dot separates keys checked together").isEmpty();
    }

    @Test
    void alternativesPrefixesAndGaps() {
        SensitiveDataRules r = health("on|taking antidepressant*", "of ~ descent");

        assertThat(r.detect("I'm taking antidepressants")).contains(SensitiveCategory.HEALTH);
        assertThat(r.detect("on antidepressant medication")).contains(SensitiveCategory.HEALTH);
        assertThat(r.detect("antidepressants")).as("the first word is required").isEmpty();
        assertThat(r.detect("of Korean descent")).contains(SensitiveCategory.HEALTH);
        assertThat(r.detect("of South East Asian descent")).contains(SensitiveCategory.HEALTH);
        assertThat(r.detect("of one two three four descent")).as("at most three words in a gap").isEmpty();
        assertThat(r.detect("descent of")).isEmpty();
    }

    @Test
    void aHyphenInsideATermIsOptional() {
        SensitiveDataRules r = health("anti-depressant*");

        assertThat(r.detect("anti-depressants")).contains(SensitiveCategory.HEALTH);
        assertThat(r.detect("anti depressants")).contains(SensitiveCategory.HEALTH);
        assertThat(r.detect("antidepressants")).contains(SensitiveCategory.HEALTH);
    }

    @Test
    void spellingTricksDoNotHideATerm() {
        SensitiveDataRules r = health("I'm deaf", "HIV");

        assertThat(r.detect("I am deaf")).contains(SensitiveCategory.HEALTH);
        assertThat(r.detect("I\u2019m deaf")).as("typographic apostrophe").contains(SensitiveCategory.HEALTH);
        assertThat(r.detect("im deaf")).contains(SensitiveCategory.HEALTH);
        assertThat(r.detect("H\u200bIV")).as("zero-width space").contains(SensitiveCategory.HEALTH);
        assertThat(r.detect("\uff28\uff29\uff36")).as("full-width letters").contains(SensitiveCategory.HEALTH);
        assertThat(noKeywords.detect("card \uff14\uff11\uff11\uff11 1111 1111 1111")).as("full-width digits")
                .contains(SensitiveCategory.PAYMENT_CARD);
    }

    @Test
    void neutralPhrasesAreBlankedBeforeMatching() {
        SensitiveDataRules r = new SensitiveDataRules(
                Map.of(SensitiveCategory.TRADE_UNION, List.of("union member*")),
                List.of("European Union"), EnumSet.allOf(SensitiveCategory.class));

        assertThat(r.detect("European Union member states")).isEmpty();
        assertThat(r.detect("I'm a union member")).contains(SensitiveCategory.TRADE_UNION);
    }

    @Test
    void theConfigurationAddsTermsAndTurnsCategoriesOff() {
        Map<String, String> config = Map.of(
                "steward.sensitive.health", "chemotherapy",
                "steward.sensitive.health.extra", "Chemotherapie, Krebs",
                "steward.sensitive.religion", "mosque",
                "steward.sensitive.religion.enabled", " FALSE ",
                "steward.sensitive.payment-card.enabled", "false",
                "steward.sensitive.neutral", "chemotherapy ward");
        SensitiveDataRules r = SensitiveDataRules.fromConfig(k -> Optional.ofNullable(config.get(k)));

        assertThat(r.detect("chemotherapy")).contains(SensitiveCategory.HEALTH);
        assertThat(r.detect("Ich habe Krebs")).contains(SensitiveCategory.HEALTH);
        assertThat(r.detect("the chemotherapy ward's printer")).isEmpty();
        assertThat(r.detect("the mosque")).as("religion is off").isEmpty();
        assertThat(r.detect("4111 1111 1111 1111")).as("card numbers are off").isEmpty();
        assertThat(r.detect("SSN 123-45-6789")).as("national ids stay on").contains(SensitiveCategory.NATIONAL_ID);
    }

    @Test
    void everyCategoryHasItsOwnConfigurationKey() {
        assertThat(SensitiveCategory.RACIAL_OR_ETHNIC_ORIGIN.key()).isEqualTo("racial-or-ethnic-origin");
        assertThat(SensitiveCategory.TRADE_UNION.key()).isEqualTo("trade-union");
    }
}
