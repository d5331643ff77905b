package org.steward.platform.kernel.api.sensitive;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Flags free text that looks like special-category data. Terms are matched as whole words, case-insensitively; national
 * ids by their usual shapes; card numbers by length and the Luhn check, so that order numbers pass.
 *
 * <p>A term is a phrase of words separated by spaces (a space or hyphen in the text matches, so {@code trade union}
 * also finds "trade-union"). Within a word, {@code a|b} offers alternatives and a trailing {@code *} any ending
 * ({@code antidepressant*}). A lone {@code ~} stands for up to three words of any kind ({@code of ~ descent}).
 * Everything else is literal. Before matching, the text is NFKC-normalised, invisible format characters are dropped,
 * typographic apostrophes become {@code '}, "I am" and "im" read as "I'm", and each neutral phrase (such as "European
 * Union") is blanked out, so that a term cannot match inside it.
 */
public final class SensitiveDataRules {

    private static final Pattern US_SSN = Pattern.compile("\\b\\d{3}-\\d{2}-\\d{4}\\b");
    private static final Pattern KR_RRN = Pattern.compile("\\b\\d{6}-[1-8]\\d{6}\\b");
    private static final Pattern CARD = Pattern.compile("\\b(?:\\d[ -]?){12,18}\\d\\b");

    private static final String FLAGS = "(?iu)";
    private static final String BEFORE = "(?<![\\p{L}\\p{N}])";
    private static final String AFTER = "(?![\\p{L}\\p{N}])";
    private static final String SEPARATOR = "[\\s\\-\u2010\u2011]+";
    private static final String ANY_WORD = "[\\p{L}\\p{N}'\\-]+";
    private static final String GAP = SEPARATOR + "(?:" + ANY_WORD + SEPARATOR + "){0,3}";
    private static final Pattern FORMAT_CHARS = Pattern.compile("\\p{Cf}");
    private static final Pattern I_AM = Pattern.compile("(?iu)" + BEFORE + "(?:i\\s+am|im)" + AFTER);

    private final Map<SensitiveCategory, Pattern> terms = new EnumMap<>(SensitiveCategory.class);
    private final Set<SensitiveCategory> enabled;
    private final Pattern neutral;

    /** Every category on, no neutral phrases. */
    public SensitiveDataRules(Map<SensitiveCategory, List<String>> termLists) {
        this(termLists, List.of(), EnumSet.allOf(SensitiveCategory.class));
    }

    public SensitiveDataRules(Map<SensitiveCategory, List<String>> termLists, List<String> neutralPhrases,
                              Set<SensitiveCategory> enabled) {
        this.enabled = enabled.isEmpty() ? EnumSet.noneOf(SensitiveCategory.class) : EnumSet.copyOf(enabled);
        termLists.forEach((category, list) -> compile(list).ifPresent(p -> terms.put(category, p)));
        this.neutral = compile(neutralPhrases).orElse(null);
    }

    /**
     * The rules as configured: {@code steward.sensitive.<category>} (the terms), {@code .extra} (more terms, appended),
     * {@code .enabled} ({@code false} turns the category off), and {@code steward.sensitive.neutral}; all lists are
     * comma-separated. {@code config} answers a key's value, or empty when it is not set.
     */
    public static SensitiveDataRules fromConfig(Function<String, Optional<String>> config) {
        Map<SensitiveCategory, List<String>> lists = new EnumMap<>(SensitiveCategory.class);
        Set<SensitiveCategory> on = EnumSet.noneOf(SensitiveCategory.class);
        for (SensitiveCategory c : SensitiveCategory.values()) {
            String key = "steward.sensitive." + c.key();
            List<String> list = new ArrayList<>(split(config.apply(key)));
            list.addAll(split(config.apply(key + ".extra")));
            lists.put(c, list);
            if (!config.apply(key + ".enabled").map(String::strip).filter("false"::equalsIgnoreCase).isPresent()) {
                on.add(c);
            }
        }
        return new SensitiveDataRules(lists, split(config.apply("steward.sensitive.neutral")), on);
    }

    private static List<String> split(Optional<String> value) {
        return value.map(v -> Arrays.asList(v.split(","))).orElse(List.of());
    }

    /** The first category the text looks like, in the order of {@link SensitiveCategory}; empty when it is clean. */
    public Optional<SensitiveCategory> detect(String text) {
        if (text == null || text.isBlank()) {
            return Optional.empty();
        }
        String scanned = prepare(text);
        for (Map.Entry<SensitiveCategory, Pattern> e : terms.entrySet()) {
            if (enabled.contains(e.getKey()) && e.getValue().matcher(scanned).find()) {
                return Optional.of(e.getKey());
            }
        }
        if (enabled.contains(SensitiveCategory.NATIONAL_ID)
                && (US_SSN.matcher(scanned).find() || KR_RRN.matcher(scanned).find())) {
            return Optional.of(SensitiveCategory.NATIONAL_ID);
        }
        if (enabled.contains(SensitiveCategory.PAYMENT_CARD)) {
            Matcher card = CARD.matcher(scanned);
            while (card.find()) {
                if (luhn(card.group().replaceAll("[ -]", ""))) {
                    return Optional.of(SensitiveCategory.PAYMENT_CARD);
                }
            }
        }
        return Optional.empty();
    }

    private String prepare(String text) {
        String s = Normalizer.normalize(text, Normalizer.Form.NFKC);
        s = FORMAT_CHARS.matcher(s).replaceAll("");
        s = s.replace('\u2019', '\'').replace('\u2018', '\'').replace('\u02bc', '\'');
        s = I_AM.matcher(s).replaceAll("I'm");
        return neutral == null ? s : neutral.matcher(s).replaceAll(" · ");
    }

    private static Optional<Pattern> compile(List<String> list) {
        List<String> alternatives = list.stream().map(String::strip).filter(t -> !t.isEmpty())
                .map(SensitiveDataRules::term).filter(t -> !t.isEmpty()).toList();
        if (alternatives.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(Pattern.compile(FLAGS + BEFORE + "(?:" + String.join("|", alternatives) + ")" + AFTER));
    }

    /** One term as a regular expression, without the word boundaries around it; empty when it has no word. */
    static String term(String term) {
        List<String> parts = new ArrayList<>();
        boolean gap = false;
        for (String token : term.split("\\s+")) {
            if (token.equals("~")) {
                gap = !parts.isEmpty();
                continue;
            }
            String word = word(token);
            if (word.isEmpty()) {
                continue;
            }
            if (!parts.isEmpty()) {
                parts.add(gap ? GAP : SEPARATOR);
            }
            parts.add(word);
            gap = false;
        }
        return String.join("", parts);
    }

    private static String word(String token) {
        List<String> options = Arrays.stream(token.split("\\|")).filter(o -> !o.isEmpty() && !o.equals("*"))
                .map(SensitiveDataRules::option).toList();
        return options.isEmpty() ? "" : options.size() == 1 ? options.get(0)
                : options.stream().collect(Collectors.joining("|", "(?:", ")"));
    }

    private static String option(String option) {
        boolean prefix = option.endsWith("*");
        String literal = prefix ? option.substring(0, option.length() - 1) : option;
        // Inside a word a hyphen is optional or a space: "pro-life" also finds "pro life" and "prolife".
        String body = Arrays.stream(literal.split("-", -1)).map(p -> p.isEmpty() ? "" : Pattern.quote(p))
                .collect(Collectors.joining("[\\s\\-\u2010\u2011]?"));
        return prefix ? body + "[\\p{L}\\p{N}]*" : body;
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
