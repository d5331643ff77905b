package org.steward.platform.kernel.api.sensitive;

import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Flags free text that looks like special-category data. Keywords are matched as whole words, case-insensitively;
 * national ids by their usual shapes; card numbers by length and the Luhn check, so that order numbers pass.
 */
public final class SensitiveDataRules {

    private static final Pattern US_SSN = Pattern.compile("\\b\\d{3}-\\d{2}-\\d{4}\\b");
    private static final Pattern KR_RRN = Pattern.compile("\\b\\d{6}-[1-8]\\d{6}\\b");
    private static final Pattern CARD = Pattern.compile("\\b(?:\\d[ -]?){12,18}\\d\\b");

    private final Map<SensitiveCategory, Pattern> keywords = new EnumMap<>(SensitiveCategory.class);

    public SensitiveDataRules(Map<SensitiveCategory, List<String>> keywordLists) {
        keywordLists.forEach((category, words) -> {
            List<String> clean = words.stream().map(String::strip).filter(w -> !w.isEmpty()).toList();
            if (!clean.isEmpty()) {
                String alternatives = clean.stream().map(Pattern::quote).collect(Collectors.joining("|"));
                keywords.put(category, Pattern.compile("(?iu)(?<![\\p{L}\\p{N}])(?:" + alternatives
                        + ")(?![\\p{L}\\p{N}])"));
            }
        });
    }

    public Optional<SensitiveCategory> detect(String text) {
        if (text == null || text.isBlank()) {
            return Optional.empty();
        }
        for (Map.Entry<SensitiveCategory, Pattern> e : keywords.entrySet()) {
            if (e.getValue().matcher(text).find()) {
                return Optional.of(e.getKey());
            }
        }
        if (US_SSN.matcher(text).find() || KR_RRN.matcher(text).find()) {
            return Optional.of(SensitiveCategory.NATIONAL_ID);
        }
        Matcher card = CARD.matcher(text);
        while (card.find()) {
            if (luhn(card.group().replaceAll("[ -]", ""))) {
                return Optional.of(SensitiveCategory.PAYMENT_CARD);
            }
        }
        return Optional.empty();
    }

    static boolean luhn(String digits) {
        int sum = 0;
        boolean twice = false;
        for (int i = digits.length() - 1; i >= 0; i--) {
            int d = digits.charAt(i) - '0';
            if (twice) {
                d *= 2;
                if (d > 9) {
                    d -= 9;
                }
            }
            sum += d;
            twice = !twice;
        }
        return digits.length() >= 13 && sum % 10 == 0;
    }
}
