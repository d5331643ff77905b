package org.steward.platform.kernel.api.sensitive;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.config.Config;
import org.eclipse.microprofile.config.ConfigProvider;
import org.steward.platform.kernel.api.FieldError;
import org.steward.platform.kernel.api.ProblemException;
import org.steward.platform.kernel.api.ProblemType;

/**
 * The configured detector. Keyword lists come from {@code steward.sensitive.<category>} (comma-separated), so an
 * operator can extend them for their languages without a release.
 */
@ApplicationScoped
public class SensitiveDataDetector {

    private SensitiveDataRules rules;

    @PostConstruct
    void load() {
        Config config = ConfigProvider.getConfig();
        Map<SensitiveCategory, List<String>> lists = new EnumMap<>(SensitiveCategory.class);
        for (SensitiveCategory c : SensitiveCategory.values()) {
            config.getOptionalValue("steward.sensitive." + c.name().toLowerCase().replace('_', '-'), String.class)
                    .ifPresent(v -> lists.put(c, Arrays.asList(v.split(","))));
        }
        rules = new SensitiveDataRules(lists);
    }

    /** Refuses the text with a 422 that names the field and the category, never the text itself. */
    public void refuseIfSensitive(String field, String text) {
        rules.detect(text).ifPresent(category -> {
            String message = "looks like special-category data (" + category + "), which Steward never stores";
            throw new ProblemException(ProblemType.SENSITIVE_DATA, field + " " + message,
                    List.of(new FieldError(field, message)));
        });
    }
}
