package org.steward.platform.kernel.api.sensitive;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.eclipse.microprofile.config.Config;
import org.eclipse.microprofile.config.ConfigProvider;
import org.steward.platform.kernel.api.FieldError;
import org.steward.platform.kernel.api.ProblemException;
import org.steward.platform.kernel.api.ProblemType;

/**
 * The configured detector (see {@link SensitiveDataRules#fromConfig} for the keys), so an operator can extend the
 * lists for their languages, or turn a category off, without a release. A refusal names the field and the category,
 * never the text, and nothing of it is logged.
 */
@ApplicationScoped
public class SensitiveDataDetector {

    private SensitiveDataRules rules;

    public SensitiveDataDetector() {
    }

    SensitiveDataDetector(SensitiveDataRules rules) {
        this.rules = rules;
    }

    @PostConstruct
    void load() {
        Config config = ConfigProvider.getConfig();
        rules = SensitiveDataRules.fromConfig(key -> config.getOptionalValue(key, String.class));
    }

    /** The category the text looks like, if any (to decide how to name a field without echoing it). */
    public Optional<SensitiveCategory> detect(String text) {
        return rules.detect(text);
    }

    /** Refuses the text with a 422 that names the field and the category, never the text itself. */
    public void refuseIfSensitive(String field, String text) {
        Map<String, String> one = new LinkedHashMap<>();
        one.put(field, text);
        refuseIfSensitive(one);
    }

    /** Checks every field (name to text; null texts pass) and refuses with one 422 that lists each flagged field. */
    public void refuseIfSensitive(Map<String, String> fields) {
        List<FieldError> errors = new ArrayList<>();
        fields.forEach((field, text) -> rules.detect(text)
                .ifPresent(category -> errors.add(new FieldError(field, message(category)))));
        if (!errors.isEmpty()) {
            String names = String.join(", ", errors.stream().map(FieldError::field).toList());
            throw new ProblemException(ProblemType.SENSITIVE_DATA, names + ": " + errors.get(0).message()
                    + (errors.size() > 1 ? " (and " + (errors.size() - 1) + " more)" : ""), errors);
        }
    }

    /** What a refused field is told: the category, which Steward never stores. */
    public static String message(SensitiveCategory category) {
        return "looks like special-category data (" + category + "), which Steward never stores";
    }
}
