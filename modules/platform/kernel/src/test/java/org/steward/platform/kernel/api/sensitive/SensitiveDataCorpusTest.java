package org.steward.platform.kernel.api.sensitive;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Measures the shipped term lists (the kernel's {@code microprofile-config.properties}, read as MicroProfile Config
 * reads it) on the labelled corpus under {@code src/test/resources/sensitive}: policy §7 promises that special-category
 * data is refused, and ordinary support messages must still pass.
 */
class SensitiveDataCorpusTest {

    private static final double MIN_CAUGHT = 0.95;
    private static final double MAX_FALSE_POSITIVES = 0.02;

    private static SensitiveDataRules rules;

    record Disclosure(SensitiveCategory category, String text) {
    }

    @BeforeAll
    static void shippedRules() throws IOException {
        Properties defaults = new Properties();
        try (InputStream in = SensitiveDataRules.class.getResourceAsStream("/META-INF/microprofile-config.properties")) {
            defaults.load(in);
        }
        rules = SensitiveDataRules.fromConfig(key -> Optional.ofNullable(defaults.getProperty(key)));
    }

    @Test
    void catchesAtLeast95PercentOfDisclosuresWithAtMost2PercentFalsePositives() throws IOException {
        List<Disclosure> disclosures = disclosures();
        List<String> ordinary = lines("ordinary.txt");
        assertThat(disclosures).hasSizeGreaterThanOrEqualTo(100);
        assertThat(ordinary).hasSizeGreaterThanOrEqualTo(200);

        List<Disclosure> missed = disclosures.stream().filter(d -> rules.detect(d.text()).isEmpty()).toList();
        List<String> flagged = new ArrayList<>();
        for (String text : ordinary) {
            rules.detect(text).ifPresent(c -> flagged.add(c + " | " + text));
        }
        double caught = 1.0 - (double) missed.size() / disclosures.size();
        double falsePositives = (double) flagged.size() / ordinary.size();

        System.out.printf("Sensitive-data detector: caught %d of %d disclosures (%.1f%%), %d false positives in %d"
                        + " ordinary messages (%.1f%%)%n", disclosures.size() - missed.size(), disclosures.size(),
                100 * caught, flagged.size(), ordinary.size(), 100 * falsePositives);
        missed.forEach(d -> System.out.println("  missed " + d.category() + " | " + d.text()));
        flagged.forEach(f -> System.out.println("  flagged " + f));

        assertThat(caught).as("share of disclosures caught; missed: %s", missed).isGreaterThanOrEqualTo(MIN_CAUGHT);
        assertThat(falsePositives).as("share of ordinary messages flagged: %s", flagged)
                .isLessThanOrEqualTo(MAX_FALSE_POSITIVES);
    }

    @Test
    void theCorpusCoversEverySpecialCategorySeveralTimes() throws IOException {
        Map<SensitiveCategory, Integer> counts = new EnumMap<>(SensitiveCategory.class);
        disclosures().forEach(d -> counts.merge(d.category(), 1, Integer::sum));
        EnumSet<SensitiveCategory> special = EnumSet.range(SensitiveCategory.RACIAL_OR_ETHNIC_ORIGIN,
                SensitiveCategory.CRIMINAL_CONVICTION);
        for (SensitiveCategory c : special) {
            assertThat(counts.getOrDefault(c, 0)).as("disclosures of %s", c).isGreaterThanOrEqualTo(8);
        }
    }

    @Test
    void eachCategoryIsRecognisedAsItself() throws IOException {
        // A refusal names the category: for most disclosures it must be the right one.
        List<Disclosure> disclosures = disclosures();
        long right = disclosures.stream().filter(d -> rules.detect(d.text()).equals(Optional.of(d.category())))
                .count();
        System.out.printf("Sensitive-data detector: %d of %d disclosures named with their own category%n", right,
                disclosures.size());
        assertThat((double) right / disclosures.size()).isGreaterThanOrEqualTo(0.85);
    }

    @Test
    void euAndTradeOffAreNotDisclosures() {
        assertThat(rules.detect("Since we moved to the European Union data residency region")).isEmpty();
        assertThat(rules.detect("European Union member states need an invoice with VAT")).isEmpty();
        assertThat(rules.detect("There's a trade-off between sync frequency and rate limits")).isEmpty();
        assertThat(rules.detect("I'm a trade-union member")).contains(SensitiveCategory.TRADE_UNION);
    }

    @Test
    void displayNamesAreScannedWithTheSameListsWithoutRefusingOrdinaryNames() {
        for (String name : List.of("Christian Müller", "Faith Okafor", "Grace Black", "Mercedes Union", "Parker Race",
                "Jordan Prayer-Smith", "Dr. Hope Sterling", "Mohammed Al-Sayed", "Li Wei", "José Criminale")) {
            assertThat(rules.detect(name)).as(name).isEmpty();
        }
        assertThat(rules.detect("Sam (on parole since 2021)")).contains(SensitiveCategory.CRIMINAL_CONVICTION);
        assertThat(rules.detect("Jo, proud lesbian")).contains(SensitiveCategory.SEXUAL_ORIENTATION);
        assertThat(rules.detect("Ahmed the Muslim")).contains(SensitiveCategory.RELIGION);
        assertThat(rules.detect("Robin (HIV positive)")).contains(SensitiveCategory.HEALTH);
    }

    static List<Disclosure> disclosures() throws IOException {
        return lines("disclosures.txt").stream().map(line -> {
            int bar = line.indexOf('|');
            return new Disclosure(SensitiveCategory.valueOf(line.substring(0, bar).strip()),
                    line.substring(bar + 1).strip());
        }).toList();
    }

    static List<String> lines(String name) throws IOException {
        List<String> out = new ArrayList<>();
        try (InputStream in = SensitiveDataCorpusTest.class.getResourceAsStream("/sensitive/" + name);
             BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
            for (String line = r.readLine(); line != null; line = r.readLine()) {
                if (!line.isBlank() && !line.startsWith("#")) {
                    out.add(line.strip());
                }
            }
        }
        return out;
    }
}
